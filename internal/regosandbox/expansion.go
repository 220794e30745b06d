package regosandbox

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// OPA binds `a := [b, b]` to the literal, not to its value: the variables
// inside are looked up each time a is used, and the copy OPA then makes
// holds b twice, in full. Thirty lines of `aN := [aN-1, aN-1]` make one use
// of a30 a billion-element copy, built in one step that neither the
// deadline nor the heap watchdog can interrupt (it ran out of memory at
// depth 25 of 40). A function's result is bound the same way
// (`twice(x) := [x, x]` applied to its own result), and a chain of rules
// (`r1 := [r0, r0]`) doubles the time to compile the policy with each rule
// (24 rules: 0.6 s), at load, with no deadline at all.
//
// So a user policy may not hold a value that stands for more than
// maxLiteralRepeat copies of what it is built from, counted through local
// assignments, rules and the user's functions; refused at load, at the
// line where the count first passes the cap. Values built by built-ins and
// comprehensions are counted as one: OPA builds them once.

// maxLiteralRepeat is how many copies of the values it is built from one
// value may stand for: no rule repeats a variable more than a few times.
const maxLiteralRepeat = 10_000

// expansion counts, for the user's rules and functions by name, the copies
// of what they are built from that their value holds (for a function,
// relative to its arguments).
type expansion struct {
	named map[string]int64
	// fns are the user's functions by name: a call's value stands for
	// c + k*a, a being its largest argument's count. k counts how often
	// the result repeats an argument (twice(x) := [x, x]: 2), which is what
	// compounds when calls nest; c is what the function adds around it
	// (a helper building a fixture object), which only adds up.
	fns map[string]linear
	// The module being read: its package (data.p) and imports (alias ->
	// data path), to name what its references point at. Names are whole
	// paths, so a user's wrapper `view(x) := related.view(x, ...)` is not
	// taken for a call to itself.
	pkg     string
	imports map[string]string
}

type linear struct{ c, k int64 }

// argSize is the count an argument is given to measure k: large enough
// that c, small, cannot hide a repeat.
const argSize = 1 << 20

// fnCopies measures a function rule as c + k*a.
func (e *expansion) fnCopies(r *ast.Rule) linear {
	one := e.ruleCopies(r, e.localCopiesWith(r, 1))
	big := e.ruleCopies(r, e.localCopiesWith(r, argSize))
	k := (max(big-one, 0) + argSize - 2) / (argSize - 1) // rounded up
	return linear{c: max(one-k, 1), k: k}
}

// enter makes m the module references are resolved in.
func (e *expansion) enter(m *ast.Module) {
	e.pkg = m.Package.Path.String()
	e.imports = map[string]string{}
	for _, imp := range m.Imports {
		ref, ok := imp.Path.Value.(ast.Ref)
		if !ok || len(ref) == 0 {
			continue
		}
		alias := string(imp.Alias)
		if alias == "" {
			alias = lastName(ref)
		}
		e.imports[alias] = path(ref)
	}
}

// path is the leading constant part of ref: data.p.r for data.p.r[x].
func path(ref ast.Ref) string {
	out := ref[0].String()
	for _, t := range ref[1:] {
		s, ok := t.Value.(ast.String)
		if !ok {
			break
		}
		out += "." + string(s)
	}
	return out
}

// resolve names the rule or function ref points at: a data path, through
// an import alias, or a rule of the current package.
func (e *expansion) resolve(ref ast.Ref) string {
	head, ok := ref[0].Value.(ast.Var)
	if !ok {
		return ""
	}
	p := path(ref)
	switch {
	case head == "data":
		return p
	case e.imports[string(head)] != "":
		return e.imports[string(head)] + p[len(head):]
	}
	return e.pkg + "." + p
}

// CheckExpansion returns a problem for each of the user's modules (by file
// name) holding a value over the cap, as "file:line: why", at the line
// where the count first passes it.
func CheckExpansion(user map[string]*ast.Module) []string {
	e := &expansion{named: map[string]int64{}, fns: map[string]linear{}}
	names := slices.Sorted(maps.Keys(user))
	// Rules and functions refer to each other in any order: repeat until
	// nothing grows. Counts only grow, and stop once past the cap.
	for changed := true; changed; {
		changed = false
		for _, name := range names {
			e.enter(user[name])
			for _, r := range user[name].Rules {
				key := e.resolve(r.Head.Ref())
				if len(r.Head.Args) > 0 {
					f, old := e.fnCopies(r), e.fns[key]
					if (f.c > old.c || f.k > old.k) && old.c <= maxLiteralRepeat && old.k <= maxLiteralRepeat {
						e.fns[key], changed = linear{max(f.c, old.c), max(f.k, old.k)}, true
					}
					continue
				}
				n := e.ruleCopies(r, e.localCopies(r))
				if n > e.named[key] && e.named[key] <= maxLiteralRepeat {
					e.named[key], changed = n, true
				}
			}
		}
	}
	// One problem per file, where the count first passes the cap (the
	// least over it; the first in the text of those): the rest follow.
	var problems []string
	for _, name := range names {
		e.enter(user[name])
		var bad *ast.Term
		least := int64(math.MaxInt64)
		for _, r := range user[name].Rules {
			if t, n := e.expandingTerm(r); t != nil && (n < least || n == least && row(t) < row(bad)) {
				bad, least = t, n
			}
		}
		if bad != nil {
			problems = append(problems, fmt.Sprintf("%s:%d: this value repeats the values it is built from more than %s times (each a := [b, b], or f(x) := [x, x] applied to its own result, doubles it), and OPA copies it out in full in one step that no deadline interrupts: build it with a comprehension, or without repeating", name, row(bad), FormatCount(maxLiteralRepeat)))
		}
	}
	return problems
}

func row(t *ast.Term) int {
	if t == nil || t.Location == nil {
		return 0
	}
	return t.Location.Row
}

// lastName is the last part of a reference: twice in data.p.twice.
func lastName(ref ast.Ref) string {
	if len(ref) == 0 {
		return ""
	}
	switch v := ref[len(ref)-1].Value.(type) {
	case ast.Var:
		return string(v)
	case ast.String:
		return string(v)
	}
	return ""
}

// ruleCopies is what a rule's value stands for: its value, or the key of a
// partial set rule; for a function, with its arguments counted as one.
func (e *expansion) ruleCopies(r *ast.Rule, local map[ast.Var]int64) int64 {
	var n int64 = 1
	for _, t := range []*ast.Term{r.Head.Value, r.Head.Key} {
		if t != nil {
			n = max(n, e.copies(t, local))
		}
	}
	return n
}

// localCopies counts, for each variable of r, the copies it stands for.
// Arguments of a function count as one.
func (e *expansion) localCopies(r *ast.Rule) map[ast.Var]int64 {
	return e.localCopiesWith(r, 1)
}

// localCopiesWith is localCopies with the function's arguments counted as
// arg each.
func (e *expansion) localCopiesWith(r *ast.Rule, arg int64) map[ast.Var]int64 {
	local := map[ast.Var]int64{}
	for _, a := range r.Head.Args {
		ast.WalkVars(a, func(v ast.Var) bool {
			local[v] = arg
			return false
		})
	}
	for changed := true; changed; {
		changed = false
		ast.WalkExprs(r, func(x *ast.Expr) bool {
			if !x.IsEquality() && !x.IsAssignment() {
				return false
			}
			terms := x.Terms.([]*ast.Term)
			changed = e.assign(terms[1], terms[2], local) || changed
			if x.IsEquality() { // unification binds either side
				changed = e.assign(terms[2], terms[1], local) || changed
			}
			return false
		})
	}
	return local
}

// expandingTerm returns the term of r where the count first passes the cap
// (the least over it; the first in the text of those) and its count, or
// nil.
func (e *expansion) expandingTerm(r *ast.Rule) (*ast.Term, int64) {
	local := e.localCopies(r)
	var bad *ast.Term
	least := int64(math.MaxInt64)
	ast.WalkTerms(r, func(t *ast.Term) bool {
		if _, isVar := t.Value.(ast.Var); isVar {
			return false // name the value, not its uses
		}
		if n := e.copies(t, local); n > maxLiteralRepeat && n < least {
			bad, least = t, n
		}
		return false
	})
	return bad, least
}

// assign records the copies each variable of lhs is bound to when lhs is
// unified with rhs, and reports whether a count grew. Literals on both
// sides are matched element by element (destructuring); a variable inside
// a literal matched with anything else may be bound to all of it.
func (e *expansion) assign(lhs, rhs *ast.Term, local map[ast.Var]int64) bool {
	grew := false
	bind := func(v ast.Var, n int64) {
		if n > local[v] && local[v] <= maxLiteralRepeat {
			local[v], grew = n, true
		}
	}
	switch l := lhs.Value.(type) {
	case ast.Var:
		bind(l, e.copies(rhs, local))
		return grew
	case *ast.Array:
		if r, ok := rhs.Value.(*ast.Array); ok {
			for i := range min(l.Len(), r.Len()) {
				grew = e.assign(l.Elem(i), r.Elem(i), local) || grew
			}
			return grew
		}
	case ast.Object:
		if r, ok := rhs.Value.(ast.Object); ok {
			l.Foreach(func(k, v *ast.Term) {
				if rv := r.Get(k); rv != nil {
					grew = e.assign(v, rv, local) || grew
				}
			})
			return grew
		}
	default:
		return false
	}
	if isLiteral(rhs) {
		return false // a set, or shapes that do not unify
	}
	n := e.copies(rhs, local)
	ast.WalkVars(lhs, func(v ast.Var) bool {
		bind(v, n)
		return false
	})
	return grew
}

func isLiteral(t *ast.Term) bool {
	switch t.Value.(type) {
	case *ast.Array, ast.Object, ast.Set:
		return true
	}
	return false
}

// copies is how many values t stands for when OPA copies it out: a
// variable or a rule what it was bound to, a literal one per node plus its
// parts, a call to the user's function its count times its largest
// argument's; anything else one.
func (e *expansion) copies(t *ast.Term, local map[ast.Var]int64) int64 {
	var n int64 = 1
	switch v := t.Value.(type) {
	case ast.Var:
		return max(1, local[v], e.named[e.pkg+"."+string(v)])
	case ast.Ref:
		if head, ok := v[0].Value.(ast.Var); ok {
			n = max(n, local[head])
		}
		// A reference into a rule stands for at least what the rule
		// does (data.p.r[0] may be all of r).
		for i := len(v); i > 0; i-- {
			if amp, ok := e.named[e.resolve(v[:i])]; ok {
				return max(n, amp)
			}
		}
		return n
	case ast.Call:
		ref, isRef := v[0].Value.(ast.Ref)
		if !isRef {
			return 1
		}
		f, ok := e.fns[e.resolve(ref)]
		if !ok {
			return 1 // a built-in: it returns a value
		}
		var most int64 = 1
		for _, arg := range v[1:] {
			most = max(most, e.copies(arg, local))
		}
		return add(f.c, mul(f.k, most))
	case *ast.Array:
		v.Foreach(func(x *ast.Term) { n = add(n, e.copies(x, local)) })
	case ast.Set:
		v.Foreach(func(x *ast.Term) { n = add(n, e.copies(x, local)) })
	case ast.Object:
		v.Foreach(func(k, x *ast.Term) { n = add(n, add(e.copies(k, local), e.copies(x, local))) })
	}
	return n
}
