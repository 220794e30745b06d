package compose

import (
	"fmt"
	"maps"
	"slices"
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
	// Refused says why an interpolation budget kept the value as written
	// ("" when it was expanded).
	Refused string
}

// interpolator resolves ${VAR} references the way Compose does, with the
// variables of the .env file only: the process environment is never read, so
// a scan gives the same result everywhere. A variable with no value and no
// default is kept as written.
type interpolator struct {
	env   map[string]string
	depth int // nesting of defaults being expanded

	// The budgets count bytes substituted from variables: in the value
	// being expanded (value), and in the whole Compose file with its .env
	// (total). Text copied from the value as written is not counted: the
	// file size bounds it.
	value, total int
	// refused says why the last value expanded went over a budget ("" when
	// it did not); it is then kept as written.
	refused string
	// dotenv says which .env variable went over a budget first ("" when
	// none did).
	dotenv string
}

// maxNesting bounds ${A:-${B:-...}} nesting; deeper references are kept as
// written (Compose files never need more, hostile ones must not cost time).
const maxNesting = 16

// Interpolation budgets (docs/decisions.md): a value may grow by at most
// maxValueBytes through its variables, and the whole file (its .env
// included) by at most maxTotalBytes. Real values are at most a few KB (a
// certificate in .env); a .env that doubles a value line after line reaches
// them in a few lines instead of taking all memory.
const (
	maxValueBytes = 1 << 20
	maxTotalBytes = 16 << 20
)

// substitute appends v, a variable's value, to b unless that takes the
// value or the file over its budget: then it records why and returns false,
// before anything is allocated for v.
func (ip *interpolator) substitute(b *strings.Builder, name, v string) bool {
	switch {
	case ip.refused != "":
		return false
	case ip.value+len(v) > maxValueBytes:
		ip.refused = fmt.Sprintf("${%s} makes the value longer than %s, the limit for one interpolated value", name, mib(maxValueBytes))
		return false
	case ip.total+len(v) > maxTotalBytes:
		ip.refused = fmt.Sprintf("${%s} takes the values interpolated in this file and its .env past %s in all", name, mib(maxTotalBytes))
		return false
	}
	ip.value += len(v)
	ip.total += len(v)
	b.WriteString(v)
	return true
}

func mib(n int) string { return fmt.Sprintf("%d MiB", n>>20) }

func isNameStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isNameChar(c byte) bool { return isNameStart(c) || (c >= '0' && c <= '9') }

// expand resolves every reference in s and reports the variables used;
// changed is false when s holds no $ at all. When a variable would take s
// over a budget, s is returned as written, unchanged, and ip.refused says
// why.
func (ip *interpolator) expand(s string) (out string, uses []varUse, changed bool) {
	if ip.depth == 0 {
		ip.value, ip.refused = 0, ""
	}
	if !strings.Contains(s, "$") {
		return s, nil, false
	}
	var b strings.Builder
	for i := 0; i < len(s) && ip.refused == ""; {
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
			uses = append(uses, ip.braced(&b, s[i+2:end], s[i:end+1])...)
			i = end + 1
		case isNameStart(nx):
			j := i + 1
			for j < len(s) && isNameChar(s[j]) {
				j++
			}
			name := s[i+1 : j]
			if v, ok := ip.env[name]; ok {
				ip.substitute(&b, name, v)
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
	if ip.refused != "" {
		return s, nil, false
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

// braced resolves the body of ${...} into b; written is the whole
// reference.
func (ip *interpolator) braced(b *strings.Builder, body, written string) []varUse {
	j := 0
	for j < len(body) && (isNameChar(body[j]) && (j > 0 || isNameStart(body[j]))) {
		j++
	}
	name, rest := body[:j], body[j:]
	if name == "" {
		b.WriteString(written) // not a reference Compose accepts: keep it
		return nil
	}
	op := ""
	for _, o := range []string{":-", ":?", ":+", "-", "?", "+"} {
		if strings.HasPrefix(rest, o) {
			op = o
			break
		}
	}
	if op == "" && rest != "" {
		b.WriteString(written)
		return nil
	}
	arg := rest[len(op):]
	v, set := ip.env[name]
	nonEmpty := set && v != ""
	fromEnv := func() []varUse {
		ip.substitute(b, name, v)
		return []varUse{{name, FromEnvFile, v}}
	}
	word := func() []varUse {
		if ip.depth >= maxNesting {
			b.WriteString(written)
			return []varUse{{name, Unresolved, nil}}
		}
		// The default's own substitutions are counted as it is expanded;
		// the rest of it is text of the value as written.
		ip.depth++
		out, uses, _ := ip.expand(arg)
		ip.depth--
		b.WriteString(out)
		return append([]varUse{{name, FromDefault, out}}, uses...)
	}
	keep := func() []varUse {
		b.WriteString(written)
		return []varUse{{name, Unresolved, nil}}
	}
	switch op {
	case "":
		if set {
			return fromEnv()
		}
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
	case "?":
		if set {
			return fromEnv()
		}
	case ":+":
		if nonEmpty {
			return word()
		}
		if set {
			return []varUse{{name, FromEnvFile, v}}
		}
	case "+":
		if set {
			return word()
		}
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
		// In key order: which value a spent budget refuses must not depend
		// on map order.
		out := make(map[string]any, len(x))
		for _, k := range slices.Sorted(maps.Keys(x)) {
			out[k] = ip.tree(x[k], document.Join(key, k), k, recs)
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
		if ip.refused != "" {
			recs[key] = &interp{Written: x, Value: x, Refused: ip.refused}
			return x
		}
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

// budgetError is the first thing an interpolation budget refused, as a
// syntax error of the Compose file at path (so a gate sees it): a .env
// variable, at line 1 with the .env line in the message (the .env is not
// scanned on its own), or else the refused value of the file with the
// lowest line. pos locates the keys of recs. Nil when nothing was refused.
func (ip *interpolator) budgetError(path string, recs map[string]*interp, pos document.Positions) *document.SyntaxError {
	if ip.dotenv != "" {
		return &document.SyntaxError{Path: path, Line: 1, Msg: ip.dotenv}
	}
	var first *document.SyntaxError
	for k, r := range recs {
		if r.Refused == "" {
			continue
		}
		line := max(pos[k].StartLine, 1)
		if first == nil || line < first.Line || line == first.Line && r.Refused < first.Msg {
			first = &document.SyntaxError{Path: path, Line: line, Msg: r.Refused}
		}
	}
	if first != nil {
		first.Msg += "; the value is kept as written"
	}
	return first
}
