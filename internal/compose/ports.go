package compose

import (
	"strings"
)

// ports normalizes every port syntax to
// {target, published, host_ip, protocol, raw}.
func (n *normalizer) ports(v any, key string) any {
	return n.items(v, key, func(it any) map[string]any {
		if x, ok := it.(map[string]any); ok {
			return longPort(x)
		}
		s, _ := text(it)
		return shortPort(s)
	})
}

func longPort(x map[string]any) map[string]any {
	proto := "tcp"
	if p, ok := text(x["protocol"]); ok && p != "" {
		proto = p
	}
	return map[string]any{
		"target": textOrNil(x["target"]), "published": emptyNil(textOrNil(x["published"])),
		"host_ip": emptyNil(textOrNil(x["host_ip"])), "protocol": proto,
	}
}

// shortPort parses [[host_ip:]published:]target[/protocol], where host_ip
// may be a bracketed IPv6 address.
func shortPort(s string) map[string]any {
	m := map[string]any{"published": nil, "host_ip": nil, "protocol": "tcp"}
	if spec, proto, ok := strings.Cut(s, "/"); ok {
		s, m["protocol"] = spec, proto
	}
	if strings.HasPrefix(s, "[") {
		if end := strings.Index(s, "]"); end > 0 {
			m["host_ip"] = s[1:end]
			s = strings.TrimPrefix(s[end+1:], ":")
			pub, target := splitLast(s)
			m["target"], m["published"] = target, emptyNil(pub)
			return m
		}
	}
	rest, target := splitLast(s)
	m["target"] = target
	if rest == nil {
		return m
	}
	host, pub := splitLast(rest.(string))
	m["published"], m["host_ip"] = emptyNil(pub), emptyNil(host)
	return m
}

// splitLast splits at the last colon: ("a:b:c") → ("a:b", "c"); no colon →
// (nil, s).
func splitLast(s string) (any, string) {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return nil, s
	}
	return s[:i], s[i+1:]
}

func emptyNil(v any) any {
	if s, ok := v.(string); ok && s == "" {
		return nil
	}
	return v
}
