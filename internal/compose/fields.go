package compose

import (
	"maps"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
)

// list returns v as a list; a single scalar becomes a one-item list (dns).
func list(v any) []any {
	switch x := v.(type) {
	case []any:
		return x
	case nil:
		return nil
	}
	return []any{v}
}

// strings normalizes a string-or-list field to a list of strings.
func (n *normalizer) strings(v any, key string) any {
	out := []any{}
	for _, it := range list(v) {
		out = append(out, textOrNil(it))
	}
	if _, ok := v.([]any); !ok {
		n.pos[document.Join(key, 0)] = n.pos[key]
	}
	return out
}

// caps upper-cases capability names and drops any CAP_ prefix.
func (n *normalizer) caps(v any, key string) any {
	out := []any{}
	for _, it := range list(v) {
		s, _ := text(it)
		out = append(out, strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "CAP_"))
	}
	return out
}

// mapping turns the list form ["A=b", "A"] or the map form into
// name → string | null (environment, sysctls, build args).
func (n *normalizer) mapping(v any, key string) any {
	out := map[string]any{}
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			out[k] = textOrNil(val)
		}
	case []any:
		for i, it := range x {
			s, ok := text(it)
			if !ok {
				continue
			}
			name, val, found := strings.Cut(s, "=")
			out[name] = nil
			if found {
				out[name] = val
			}
			// The entry points at the list item it came from.
			if r, ok := n.pos[document.Join(key, i)]; ok {
				delete(n.pos, document.Join(key, i))
				n.pos[document.Join(key, name)] = r
			}
			if rec, ok := n.interp[document.Join(key, i)]; ok {
				delete(n.interp, document.Join(key, i))
				n.interp[document.Join(key, name)] = rec
			}
		}
	}
	return out
}

// secrets normalizes short ("name") and long secret references.
func (n *normalizer) secrets(v any, key string) any {
	return n.items(v, key, func(it any) map[string]any {
		m := map[string]any{"source": nil, "target": nil}
		switch x := it.(type) {
		case string:
			m["source"] = x
		case map[string]any:
			maps.Copy(m, x)
		}
		return m
	})
}

// devices normalizes "src[:dst[:perms]]" and the long form.
func (n *normalizer) devices(v any, key string) any {
	return n.items(v, key, func(it any) map[string]any {
		m := map[string]any{"source": nil, "target": nil, "permissions": nil}
		switch x := it.(type) {
		case string:
			parts := strings.SplitN(x, ":", 3)
			m["source"], m["target"] = parts[0], parts[0]
			if len(parts) > 1 {
				m["target"] = parts[1]
			}
			if len(parts) > 2 {
				m["permissions"] = parts[2]
			}
		case map[string]any:
			maps.Copy(m, x)
		}
		return m
	})
}

// items normalizes a list whose entries have a short and a long syntax:
// one converts each entry, and every entry keeps what was written as "raw"
// and points at the line it came from.
func (n *normalizer) items(v any, key string, one func(it any) map[string]any) []any {
	out := []any{}
	for i, it := range list(v) {
		m := one(it)
		m["raw"] = it
		n.item(document.Join(key, i), m)
		out = append(out, m)
	}
	return out
}

// build turns the string form into {context} and build args into a map.
func (n *normalizer) build(v any, key string) any {
	switch x := v.(type) {
	case string:
		n.pos[document.Join(key, "context")] = n.pos[key]
		return map[string]any{"context": x}
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, val := range x {
			out[k] = val
		}
		if args, ok := x["args"]; ok && args != nil {
			out["args"] = n.mapping(args, document.Join(key, "args"))
		}
		return out
	}
	return v
}
