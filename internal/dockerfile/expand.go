package dockerfile

import (
	"regexp"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
	"mvdan.cc/sh/v3/syntax"
)

// Variable expansion: the values of ARG and ENV written in the Dockerfile,
// substituted where Docker (for ADD, COPY...) or the RUN shell substitutes
// them, so that rules about URLs see `ADD ${URL} /x` and
// `RUN curl -fsSL $INSTALLER | sh` with the URL an ARG or ENV default names.
// Only values written in the file are known: a build argument, the base
// image's environment or a variable the RUN script assigns itself could be
// anything, and a reference to them stays as written.
//
// The Dockerfile is untrusted input, so expansion has a budget: a value or
// word over maxExpandedWord bytes is not expanded (its variable is unknown),
// and once a file has produced maxExpandedBytes of expanded text, nothing
// more is expanded. Values are expanded when they are defined, so using one
// costs its length and never recurses.
const (
	maxExpandedWord  = 64 << 10
	maxExpandedBytes = 4 << 20
)

// scope is what a stage knows about its variables.
type scope struct {
	vars     map[string]string // known values visible in the stage: ARG and ENV
	envVals  map[string]string // known ENV values (a FROM <stage> inherits them)
	envNames map[string]bool   // every name an ENV of the stage or its parents sets
}

func newScope() *scope {
	return &scope{vars: map[string]string{}, envVals: map[string]string{}, envNames: map[string]bool{}}
}

// child is the scope of a stage built FROM the stage of sc: its ENV only
// (ARGs end with their stage).
func (sc *scope) child() *scope {
	c := newScope()
	for k, v := range sc.envVals {
		c.vars[k], c.envVals[k] = v, v
	}
	for k := range sc.envNames {
		c.envNames[k] = true
	}
	return c
}

// define applies an ARG or ENV instruction of the current stage. Every value
// is expanded with the variables known before the instruction, as Docker
// does.
func (p *fileParser) define(s *stage, v any) {
	sc := s.scope
	switch c := v.(type) {
	case *instructions.EnvCommand:
		vals := make([]*string, len(c.Env))
		for k, kv := range c.Env {
			if e, ok := p.expandValue(kv.Value, sc.vars); ok {
				vals[k] = &e
			}
		}
		for k, kv := range c.Env {
			sc.envNames[kv.Key] = true
			if vals[k] == nil {
				delete(sc.vars, kv.Key)
				delete(sc.envVals, kv.Key)
				continue
			}
			sc.vars[kv.Key], sc.envVals[kv.Key] = *vals[k], *vals[k]
		}
	case *instructions.ArgCommand:
		vals := make([]*string, len(c.Args))
		for k, kv := range c.Args {
			switch {
			case kv.Value != nil:
				if e, ok := p.expandValue(*kv.Value, sc.vars); ok {
					vals[k] = &e
				}
			default:
				// ARG NAME takes the global ARG's default.
				if g, ok := p.argEnv[kv.Key]; ok {
					vals[k] = &g
				}
			}
		}
		for k, kv := range c.Args {
			if sc.envNames[kv.Key] {
				continue // an ENV of the same name wins over an ARG
			}
			if vals[k] == nil {
				delete(sc.vars, kv.Key)
				continue
			}
			sc.vars[kv.Key] = *vals[k]
		}
	}
}

// spend takes n bytes from the file's expansion budget; false when it has
// run out.
func (p *fileParser) spend(n int) bool {
	if n > maxExpandedWord || p.expanded+n > maxExpandedBytes {
		p.expanded = maxExpandedBytes
		return false
	}
	p.expanded += n
	return true
}

// varRef matches every variable reference in a Dockerfile word.
var varRef = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)

// patternRef matches the references whose value a pattern operator changes
// (${V#..} ${V%..} ${V/..}).
var patternRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)[#%/]`)

// expandValue expands an ARG or ENV value as Docker does; ok is false when
// it names a variable whose value is not known (or goes over the budget).
func (p *fileParser) expandValue(word string, vars map[string]string) (string, bool) {
	if !strings.Contains(word, "$") {
		v := p.unquote(word)
		return v, len(v) <= maxExpandedWord
	}
	for _, m := range plainRef.FindAllStringSubmatch(word, -1) {
		if _, ok := vars[m[1]+m[2]]; !ok {
			return "", false
		}
	}
	return p.expandWord(word, vars, nil)
}

// expandInstructionWord expands a word of ADD, COPY, WORKDIR... as Docker
// does; a plain reference to a variable whose value is not known stays as
// written (${NAME}), so `${BASE}/${FILE}` still shows where BASE points. ok
// is false when nothing was substituted.
func (p *fileParser) expandInstructionWord(word string, vars map[string]string) (string, bool) {
	if !strings.Contains(word, "$") {
		return "", false
	}
	unknown := map[string]string{}
	for _, m := range plainRef.FindAllStringSubmatch(word, -1) {
		name := m[1] + m[2]
		if _, ok := vars[name]; !ok {
			unknown[name] = "${" + name + "}"
		}
	}
	for _, m := range patternRef.FindAllStringSubmatch(word, -1) {
		if _, ok := unknown[m[1]]; ok {
			return "", false
		}
	}
	if !substitutes(word, vars) {
		return "", false
	}
	e, ok := p.expandWord(word, vars, unknown)
	if !ok || e == word {
		return "", false
	}
	return e, true
}

// defaultRef matches the references that have a value without the
// variable: ${V:-x} ${V-x} ${V:=x} ${V=x}.
var defaultRef = regexp.MustCompile(`\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=]`)

// substitutes holds when word names a known variable or has a default.
func substitutes(word string, vars map[string]string) bool {
	for _, m := range varRef.FindAllStringSubmatch(word, -1) {
		if _, ok := vars[m[1]]; ok {
			return true
		}
	}
	return defaultRef.MatchString(word)
}

// expandWord runs buildkit's word expansion with vars (and placeholders for
// unknown variables), after bounding the size of its result.
func (p *fileParser) expandWord(word string, vars, placeholders map[string]string) (string, bool) {
	size := len(word)
	for _, m := range varRef.FindAllStringSubmatch(word, -1) {
		size += len(vars[m[1]]) + len(placeholders[m[1]])
		if size > maxExpandedWord {
			return "", false
		}
	}
	if !p.spend(size) {
		return "", false
	}
	lex := shell.NewLex(rune(p.escape))
	res, err := lex.ProcessWordWithMatches(word, scopeEnv{vars, placeholders})
	if err != nil {
		return "", false
	}
	return res.Result, true
}

// scopeEnv adapts known values and placeholders to buildkit's EnvGetter.
type scopeEnv struct{ vars, placeholders map[string]string }

func (e scopeEnv) Get(k string) (string, bool) {
	if v, ok := e.vars[k]; ok {
		return v, true
	}
	v, ok := e.placeholders[k]
	return v, ok
}

func (e scopeEnv) Keys() []string {
	keys := make([]string, 0, len(e.vars))
	for k := range e.vars {
		keys = append(keys, k)
	}
	return keys
}

// expandedKinds are the instructions whose arguments Docker expands (ENV,
// ARG and LABEL have pairs; FROM has from.ref).
var expandedKinds = map[string]bool{
	"add": true, "copy": true, "workdir": true, "user": true, "volume": true,
	"expose": true, "stopsignal": true,
}

// expandedArgs is an instruction's args with variables substituted, or nil
// when none was.
func (p *fileParser) expandedArgs(s *stage, cmd string, args []any) []any {
	if !expandedKinds[cmd] {
		return nil
	}
	var out []any
	for k, a := range args {
		w, _ := a.(string)
		e, ok := p.expandInstructionWord(w, s.scope.vars)
		if !ok {
			continue
		}
		if out == nil {
			out = append([]any{}, args...)
		}
		out[k] = e
	}
	return out
}

// shellExpander expands the words of one RUN's commands as its shell would:
// $NAME, ${NAME} and the ${NAME:-default} family with the stage's known
// variables. A variable the script assigns itself (NAME=..., export,
// for NAME in ...) is not known. Other expansions ($(...), $((...)), ${#NAME},
// ${NAME/x/y}...) stay as written.
type shellExpander struct {
	p        *fileParser
	vars     map[string]string
	assigned map[string]bool
}

// noteAssigned records the names a parsed script assigns.
func (e *shellExpander) noteAssigned(f *syntax.File) {
	if e == nil || len(e.vars) == 0 {
		return
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.Assign:
			if x.Name != nil {
				e.assigned[x.Name.Value] = true
			}
		case *syntax.ForClause:
			if wi, ok := x.Loop.(*syntax.WordIter); ok && wi.Name != nil {
				e.assigned[wi.Name.Value] = true
			}
		case *syntax.CallExpr:
			// read NAME..., getopts SPEC NAME
			if len(x.Args) > 1 {
				if w, ok := wordValue(x.Args[0], ""); ok && (w == "read" || w == "getopts" || w == "mapfile" || w == "readarray") {
					for _, a := range x.Args[1:] {
						if v, ok := wordValue(a, ""); ok {
							e.assigned[v] = true
						}
					}
				}
			}
		}
		return true
	})
}

// word expands w; ok is false when nothing in it was substituted.
func (e *shellExpander) word(w *syntax.Word, src string) (string, bool) {
	if e == nil {
		return "", false
	}
	var b strings.Builder
	subst := false
	if !e.parts(&b, w.Parts, false, src, &subst) || !subst {
		return "", false
	}
	if !e.p.spend(b.Len()) {
		return "", false
	}
	return b.String(), true
}

// parts writes the expansion of word parts to b; false past the size cap.
func (e *shellExpander) parts(b *strings.Builder, parts []syntax.WordPart, quoted bool, src string, subst *bool) bool {
	for _, part := range parts {
		switch x := part.(type) {
		case *syntax.Lit:
			b.WriteString(unescape(x.Value, quoted))
		case *syntax.SglQuoted:
			if x.Dollar {
				b.WriteString(source(src, x.Pos(), x.End()))
			} else {
				b.WriteString(x.Value)
			}
		case *syntax.DblQuoted:
			if x.Dollar {
				b.WriteString(source(src, x.Pos(), x.End()))
			} else if !e.parts(b, x.Parts, true, src, subst) {
				return false
			}
		case *syntax.ParamExp:
			if !e.param(b, x, quoted, src, subst) {
				b.WriteString(source(src, x.Pos(), x.End()))
			}
		default:
			b.WriteString(source(src, part.Pos(), part.End()))
		}
		if b.Len() > maxExpandedWord {
			return false
		}
	}
	return true
}

// param writes the value of a parameter expansion to b when it is known;
// false (nothing written) when it is not.
func (e *shellExpander) param(b *strings.Builder, x *syntax.ParamExp, quoted bool, src string, subst *bool) bool {
	if x.Excl || x.Length || x.Width || x.IsSet || x.Param == nil || x.NestedParam != nil || x.Flags != nil ||
		x.Index != nil || x.Slice != nil || x.Repl != nil || x.Names != 0 || len(x.Modifiers) > 0 {
		return false
	}
	name := x.Param.Value
	if !validName(name) || e.assigned[name] {
		return false
	}
	v, known := e.vars[name]
	value := func() bool { b.WriteString(v); *subst = true; return true }
	alt := func() bool {
		*subst = true
		if x.Exp.Word == nil {
			return true
		}
		return e.parts(b, x.Exp.Word.Parts, quoted, src, subst)
	}
	if x.Exp == nil {
		return known && value()
	}
	switch x.Exp.Op {
	case syntax.DefaultUnset, syntax.AssignUnset:
		if known {
			return value()
		}
		return alt()
	case syntax.DefaultUnsetOrNull, syntax.AssignUnsetOrNull:
		if known && v != "" {
			return value()
		}
		return alt()
	case syntax.AlternateUnset:
		return known && alt()
	case syntax.AlternateUnsetOrNull:
		if known && v == "" {
			*subst = true
			return true
		}
		return known && alt()
	case syntax.ErrorUnset, syntax.ErrorUnsetOrNull:
		return known && value()
	}
	return false
}

func validName(n string) bool {
	if n == "" {
		return false
	}
	for i, r := range n {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
