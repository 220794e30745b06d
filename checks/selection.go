package checks

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shiplint/shiplint/internal/finding"
)

// applySelection decides which rules run and applies severity overrides.
// Unknown rule IDs and frameworks are errors: a typo in a config must not
// silently run everything.
func (p *Pack) applySelection(sel Selection) error {
	var problems []string
	for _, id := range slices.Concat(sel.Disable, sel.Only, slices.Sorted(maps.Keys(sel.Severity)), slices.Sorted(maps.Keys(sel.Params))) {
		if _, ok := p.byID[id]; !ok && !isBuiltinID(id) && id != SharedParams {
			problems = append(problems, fmt.Sprintf("unknown rule ID %q (shiplint rules lists them)", id))
		}
	}
	known := p.frameworkNames()
	for _, fw := range sel.Frameworks {
		if !known[fw] {
			problems = append(problems, fmt.Sprintf("unknown framework %q (known: %s)", fw, strings.Join(slices.Sorted(maps.Keys(known)), ", ")))
		}
	}
	if len(problems) > 0 {
		return &PolicyError{Problems: problems}
	}
	p.enabled = map[string]bool{}
	for i := range p.rules {
		r := &p.rules[i]
		if s, ok := sel.Severity[r.ID]; ok {
			r.Severity = s
			if br := p.byID[r.ID]; br != nil {
				br.Severity = s
			}
		}
		p.enabled[r.ID] = selected(*r, sel)
	}
	return nil
}

func selected(r finding.Rule, sel Selection) bool {
	if slices.Contains(sel.Disable, r.ID) {
		return false
	}
	if len(sel.Only) > 0 && !slices.Contains(sel.Only, r.ID) {
		return false
	}
	if len(sel.Frameworks) == 0 || r.BuiltIn && r.File == "(built-in)" {
		return true
	}
	for _, fw := range sel.Frameworks {
		if inFramework(r, fw) {
			return true
		}
	}
	return false
}

// inFramework reports whether r belongs to the framework named fw:
// "<key>" or "<key>-<value>"; Pod Security's Restricted level includes
// Baseline, so pss-restricted selects both.
func inFramework(r finding.Rule, fw string) bool {
	for key, value := range r.Frameworks {
		switch {
		case fw == key, fw == key+"-"+value:
			return true
		case key == "pss" && fw == "pss-restricted" && value == "baseline":
			return true
		}
	}
	return false
}

// frameworkNames lists every name --framework accepts.
func (p *Pack) frameworkNames() map[string]bool {
	names := map[string]bool{}
	for _, r := range p.rules {
		for key, value := range r.Frameworks {
			names[key] = true
			names[key+"-"+value] = true
		}
	}
	return names
}

// Frameworks lists the framework names --framework accepts, sorted.
func (p *Pack) Frameworks() []string { return slices.Sorted(maps.Keys(p.frameworkNames())) }

// SharedParams is the params key for parameters every rule of a concern
// shares rather than one rule's: params: {secrets: {names: [...]}} adds
// secret-looking name patterns for all the secret rules.
const SharedParams = "secrets"

// isRuleID reports whether id names a rule of the catalog.
func (p *Pack) isRuleID(id string) bool {
	_, ok := p.Rule(id)
	return ok || id == SharedParams
}

// Enabled reports whether the rule runs in this scan.
func (p *Pack) Enabled(id string) bool { return p.enabled[id] }

// Known reports whether id names a rule or one of a rule's aliases.
func (p *Pack) Known(id string) bool {
	if _, ok := p.byID[id]; ok {
		return true
	}
	return p.aliases[strings.ToUpper(id)]
}

// Aliases returns the other tools' IDs for a rule.
func (p *Pack) Aliases(id string) []string {
	if r, ok := p.byID[id]; ok {
		return r.Aliases
	}
	return nil
}

// paramsObject gives Rego the parameters as plain JSON-like values.
func paramsObject(params map[string]map[string]any) map[string]any {
	out := map[string]any{}
	for id, ps := range params {
		out[id] = ps
	}
	return out
}
