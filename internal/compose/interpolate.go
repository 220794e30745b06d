package compose

import (
	"sort"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
)

// Sources of an interpolated variable's value.
const (
	FromEnvFile = "env_file" // the .env file beside the Compose file
	FromDefault = "default"  // the default (or :+ alternative) written in the Compose file
	Unresolved  = "unset"    // no value and no default: kept as written
)

// varUse is one variable an interpolated value refers to.
type varUse struct {
	Name   string
	Source string // FromEnvFile | FromDefault | Unresolved
	Value  any    // the value it contributed, nil when unresolved
}

// interp records where an interpolated value came from.
type interp struct {
	Written string
	Value   string
	Vars    []varUse
}

// interpolator resolves ${VAR} references the way Compose does, with the
// variables of the .env file only: the process environment is never read, so
// a scan gives the same result everywhere. A variable with no value and no
// default is kept as written.
type interpolator struct {
	env   map[string]string
	depth int // nesting of defaults being expanded
}

// maxNesting bounds ${A:-${B:-...}} nesting; deeper references are kept as
// written (Compose files never need more, hostile ones must not cost time).
const maxNesting = 16

func isNameStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isNameChar(c byte) bool { return isNameStart(c) || (c >= '0' && c <= '9') }

// expand resolves every reference in s and reports the variables used;
// changed is false when s holds no $ at all.
func (ip *interpolator) expand(s string) (out string, uses []varUse, changed bool) {
	if !strings.Contains(s, "$") {
		return s, nil, false
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '$' || i+1 >= len(s) {
			b.WriteByte(c)
			i++
			continue
		}
		nx := s[i+1]
		switch {
		case nx == '$':
			b.WriteByte('$')
			i += 2
		case nx == '{':
			end := matchBrace(s, i+2)
			if end < 0 {
				b.WriteString(s[i:])
				i = len(s)
				continue
			}
			v, u := ip.braced(s[i+2:end], s[i:end+1])
			b.WriteString(v)
			uses = append(uses, u...)
			i = end + 1
		case isNameStart(nx):
			j := i + 1
			for j < len(s) && isNameChar(s[j]) {
				j++
			}
			name := s[i+1 : j]
			if v, ok := ip.env[name]; ok {
				b.WriteString(v)
				uses = append(uses, varUse{name, FromEnvFile, v})
			} else {
				b.WriteString(s[i:j])
				uses = append(uses, varUse{name, Unresolved, nil})
			}
			i = j
		default:
			b.WriteByte('$')
			i++
		}
	}
	return b.String(), uses, true
}

// matchBrace returns the index of the } closing a ${ whose body starts at
// start, counting nested ${...}; -1 when unclosed.
func matchBrace(s string, start int) int {
	depth := 1
	for j := start; j < len(s); j++ {
		switch {
		case s[j] == '$' && j+1 < len(s) && s[j+1] == '{':
			depth++
			j++
		case s[j] == '$' && j+1 < len(s) && s[j+1] == '$':
			j++
		case s[j] == '}':
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// braced resolves the body of ${...}; written is the whole reference.
func (ip *interpolator) braced(body, written string) (string, []varUse) {
	j := 0
	for j < len(body) && (isNameChar(body[j]) && (j > 0 || isNameStart(body[j]))) {
		j++
	}
	name, rest := body[:j], body[j:]
	if name == "" {
		return written, nil // not a reference Compose accepts: keep it
	}
	op := ""
	for _, o := range []string{":-", ":?", ":+", "-", "?", "+"} {
		if strings.HasPrefix(rest, o) {
			op = o
			break
		}
	}
	if op == "" && rest != "" {
		return written, nil
	}
	arg := rest[len(op):]
	v, set := ip.env[name]
	nonEmpty := set && v != ""
	fromEnv := func() (string, []varUse) { return v, []varUse{{name, FromEnvFile, v}} }
	word := func() (string, []varUse) {
		if ip.depth >= maxNesting {
			return written, []varUse{{name, Unresolved, nil}}
		}
		ip.depth++
		out, uses, _ := ip.expand(arg)
		ip.depth--
		return out, append([]varUse{{name, FromDefault, out}}, uses...)
	}
	keep := func() (string, []varUse) { return written, []varUse{{name, Unresolved, nil}} }
	switch op {
	case "":
		if set {
			return fromEnv()
		}
		return keep()
	case ":-":
		if nonEmpty {
			return fromEnv()
		}
		return word()
	case "-":
		if set {
			return fromEnv()
		}
		return word()
	case ":?":
		if nonEmpty {
			return fromEnv()
		}
		return keep()
	case "?":
		if set {
			return fromEnv()
		}
		return keep()
	case ":+":
		if nonEmpty {
			return word()
		}
		if set {
			return "", []varUse{{name, FromEnvFile, v}}
		}
		return keep()
	case "+":
		if set {
			return word()
		}
		return keep()
	}
	return keep()
}

// boolFields are service keys Compose reads as booleans after
// interpolation ("${DEBUG:-true}" → true).
var boolFields = map[string]bool{
	"privileged": true, "read_only": true, "init": true, "tty": true, "stdin_open": true,
	"oom_kill_disable": true, "disable": true,
}

// tree interpolates every string value below v (keys are not interpolated,
// as in Compose), recording each changed value under its key in recs.
func (ip *interpolator) tree(v any, key, field string, recs map[string]*interp) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, val := range x {
			out[k] = ip.tree(val, document.Join(key, k), k, recs)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, val := range x {
			out[i] = ip.tree(val, document.Join(key, i), field, recs)
		}
		return out
	case string:
		s, uses, changed := ip.expand(x)
		if !changed {
			return x
		}
		if len(uses) > 0 {
			recs[key] = &interp{Written: x, Value: s, Vars: uses}
		}
		if boolFields[field] && s != x {
			switch strings.ToLower(s) {
			case "true", "yes", "on":
				return true
			case "false", "no", "off":
				return false
			}
		}
		return s
	}
	return v
}

// records renders the interpolation records of the whole document for
// input.interpolations, sorted by key so output is deterministic. paths maps
// each key to its path into input.
func records(recs map[string]*interp, pathOf func(string) []any) []any {
	keys := make([]string, 0, len(recs))
	for k := range recs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]any, 0, len(keys))
	for _, k := range keys {
		r := recs[k]
		vars := make([]any, 0, len(r.Vars))
		for _, u := range r.Vars {
			vars = append(vars, map[string]any{"name": u.Name, "source": u.Source, "value": u.Value})
		}
		out = append(out, map[string]any{"path": pathOf(k), "written": r.Written, "value": r.Value, "variables": vars})
	}
	return out
}
