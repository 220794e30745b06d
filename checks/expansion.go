package checks

import (
	"fmt"
	"math"

	"github.com/open-policy-agent/opa/v1/ast"
)

// OPA binds `a := [b, b]` to the literal, not to its value: the variables
// inside are looked up each time a is used, and the copy OPA then makes
// holds b twice, in full. Thirty lines of `aN := [aN-1, aN-1]` make one use
// of a30 a billion-element copy, built in one call that neither the
// deadline nor the heap watchdog can interrupt (it ran out of memory at
// depth 25 of 40). So a user rule may not hold a literal that repeats the
// variables it is built from more than maxLiteralRepeat times, counted
// through the chain of local assignments; refused at load, at its line.
// Values OPA builds by evaluating (comprehensions, calls, rules) are
// values, not literals, and are not concerned.

// maxLiteralRepeat is how many copies of its variables' values a literal
// may stand for: no rule repeats a variable more than a few times.
const maxLiteralRepeat = 10_000

// checkLiteralExpansion returns a problem for each rule of m holding such a
// literal, at the literal's line.
func checkLiteralExpansion(name string, m *ast.Module) []string {
	var problems []string
	for _, r := range m.Rules {
		if t := expandingTerm(r); t != nil {
			row := m.Package.Location.Row
			if t.Location != nil {
				row = t.Location.Row
			}
			problems = append(problems, fmt.Sprintf("%s:%d: this value repeats the variables it is built from more than %s times (each a := [b, b] doubles it), and OPA copies it out in full in one step that no deadline interrupts: build it with a comprehension, or without repeating", name, row, formatCount(maxLiteralRepeat)))
		}
	}
	return problems
}

// expandingTerm returns the first term of r that stands for more than
// maxLiteralRepeat copies of what it is built from, or nil.
func expandingTerm(r *ast.Rule) *ast.Term {
	copies := map[ast.Var]int64{}
	// Variables are assigned in any order in the text (comprehensions,
	// unification both ways): repeat until nothing grows. Counts only grow,
	// and stop once past the cap, so this ends.
	for changed := true; changed; {
		changed = false
		ast.WalkExprs(r, func(e *ast.Expr) bool {
			if !e.IsEquality() && !e.IsAssignment() {
				return false
			}
			terms := e.Terms.([]*ast.Term)
			changed = assignCopies(terms[1], terms[2], copies) || changed
			if e.IsEquality() { // unification binds either side
				changed = assignCopies(terms[2], terms[1], copies) || changed
			}
			return false
		})
	}
	// Name the literal where the count first passes the cap (the least
	// over it; the first in the text of those), not the later uses.
	var bad *ast.Term
	least := int64(math.MaxInt64)
	ast.WalkTerms(r, func(t *ast.Term) bool {
		n := literalCopies(t, copies)
		if _, isVar := t.Value.(ast.Var); n > maxLiteralRepeat && !isVar && n < least {
			bad, least = t, n
		}
		return false
	})
	return bad
}

// assignCopies records the copies each variable of lhs is bound to when
// lhs is unified with rhs, and reports whether a count grew. Literals on
// both sides are matched element by element (destructuring); a variable
// inside a literal matched with anything else may be bound to all of it.
func assignCopies(lhs, rhs *ast.Term, copies map[ast.Var]int64) bool {
	grew := false
	bind := func(v ast.Var, w int64) {
		// Past the cap the count stops growing: a cycle (x = [x]) ends.
		if w > copies[v] && copies[v] <= maxLiteralRepeat {
			copies[v], grew = w, true
		}
	}
	switch l := lhs.Value.(type) {
	case ast.Var:
		bind(l, literalCopies(rhs, copies))
		return grew
	case *ast.Array:
		if r, ok := rhs.Value.(*ast.Array); ok {
			for i := range min(l.Len(), r.Len()) {
				grew = assignCopies(l.Elem(i), r.Elem(i), copies) || grew
			}
			return grew
		}
	case ast.Object:
		if r, ok := rhs.Value.(ast.Object); ok {
			l.Foreach(func(k, v *ast.Term) {
				if rv := r.Get(k); rv != nil {
					grew = assignCopies(v, rv, copies) || grew
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
	w := literalCopies(rhs, copies)
	ast.WalkVars(lhs, func(v ast.Var) bool {
		bind(v, w)
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

// literalCopies is how many values t stands for when OPA copies it out:
// one for a value, the variables' counts and one per node for a literal.
func literalCopies(t *ast.Term, copies map[ast.Var]int64) int64 {
	var n int64
	switch v := t.Value.(type) {
	case ast.Var:
		return max(1, copies[v])
	case ast.Ref:
		if head, ok := v[0].Value.(ast.Var); ok {
			return max(1, copies[head])
		}
		return 1
	case *ast.Array:
		n = 1
		v.Foreach(func(x *ast.Term) { n = add(n, literalCopies(x, copies)) })
	case ast.Set:
		n = 1
		v.Foreach(func(x *ast.Term) { n = add(n, literalCopies(x, copies)) })
	case ast.Object:
		n = 1
		v.Foreach(func(k, x *ast.Term) { n = add(n, add(literalCopies(k, copies), literalCopies(x, copies))) })
	default:
		return 1
	}
	return n
}
