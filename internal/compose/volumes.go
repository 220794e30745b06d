package compose

import (
	"regexp"
	"strings"
)

// volumes normalizes service volumes to
// {type, source, target, read_only, raw} (long-form subkeys kept).
func (n *normalizer) volumes(v any, key string) any {
	return n.items(v, key, func(it any) map[string]any {
		if x, ok := it.(map[string]any); ok {
			return longVolume(x)
		}
		s, _ := text(it)
		return shortVolume(s)
	})
}

func longVolume(x map[string]any) map[string]any {
	m := make(map[string]any, len(x)+4)
	for k, v := range x {
		m[k] = v
	}
	m["source"] = emptyNil(textOrNil(x["source"]))
	m["target"] = textOrNil(x["target"])
	ro, _ := x["read_only"].(bool)
	m["read_only"] = ro
	if t, ok := x["type"].(string); ok && t != "" {
		m["type"] = t
	} else {
		m["type"] = sourceType(m["source"])
	}
	return m
}

var windowsDrive = regexp.MustCompile(`^[A-Za-z]:[\\/]`)

// shortVolume parses "[source:]target[:options]".
func shortVolume(s string) map[string]any {
	m := map[string]any{"source": nil, "read_only": false}
	drive := ""
	if windowsDrive.MatchString(s) {
		drive, s = s[:2], s[2:]
	}
	parts := strings.Split(s, ":")
	if drive != "" {
		parts[0] = drive + parts[0]
	}
	switch {
	case len(parts) == 1:
		m["target"] = parts[0]
	default:
		m["source"], m["target"] = parts[0], parts[1]
		for _, opt := range parts[2:] {
			for _, o := range strings.Split(opt, ",") {
				if o == "ro" {
					m["read_only"] = true
				}
			}
		}
	}
	if len(parts) == 1 && windowsDrive.MatchString(parts[0]) {
		m["target"] = parts[0]
	}
	m["type"] = sourceType(m["source"])
	return m
}

// sourceType: a path-like source is a bind mount, a name is a named volume,
// no source is an anonymous volume.
func sourceType(src any) string {
	s, _ := src.(string)
	if s == "" {
		return "volume"
	}
	if strings.ContainsAny(s[:1], "/.~$\\") || windowsDrive.MatchString(s) {
		return "bind"
	}
	return "volume"
}
