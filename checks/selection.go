package checks

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/shiplint/shiplint/internal/didyoumean"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/suppress"
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
	if err := p.resolveFlags(&sel); err != nil {
		return err
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
	if len(sel.Severities) > 0 && !slices.Contains(sel.Severities, r.Severity) && !reportsUnscanned(r) {
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

// reportsUnscanned reports whether r is one of the engine's rules that
// say a file or chart was not (fully) scanned: every built-in rule but
// stale-suppression, which is about a comment, not coverage.
func reportsUnscanned(r finding.Rule) bool {
	return r.BuiltIn && r.File == "(built-in)" && r.ID != suppress.StaleRule.ID
}

// resolveFlags turns the command line's rule names (sel.Rules,
// sel.SkipRules) into rule IDs: Rules replaces Only, SkipRules adds to
// Disable.
func (p *Pack) resolveFlags(sel *Selection) error {
	resolve := func(flag string, names []string) ([]string, error) {
		var ids []string
		for _, name := range names {
			found := p.Resolve(name)
			if len(found) == 0 {
				msg := fmt.Sprintf("%s %q: no rule has this ID or alias", flag, name)
				return nil, fmt.Errorf("%s (shiplint rules lists them)", didyoumean.Hint(msg, name, p.RuleNames(), strconv.Quote))
			}
			ids = append(ids, found...)
		}
		return ids, nil
	}
	only, err := resolve("--rule", sel.Rules)
	if err != nil {
		return err
	}
	if len(only) > 0 {
		sel.Only = only
	}
	skip, err := resolve("--skip-rule", sel.SkipRules)
	if err != nil {
		return err
	}
	sel.Disable = slices.Concat(sel.Disable, skip)
	return nil
}

// Resolve finds the rules a person's name for one means: the rule with
// that ID, else the rule whose ID it is in another case (ks016), else
// every rule that lists it among its aliases, in any case (dl3006,
// CKV_K8S_20, privileged-container). The IDs come sorted; none when
// nothing matches.
func (p *Pack) Resolve(name string) []string {
	for _, r := range p.rules {
		if r.ID == name {
			return []string{r.ID}
		}
	}
	for _, r := range p.rules {
		if strings.EqualFold(r.ID, name) {
			return []string{r.ID}
		}
	}
	var ids []string
	for _, r := range p.rules {
		for _, a := range r.Aliases {
			if strings.EqualFold(a, name) {
				ids = append(ids, r.ID)
				break
			}
		}
	}
	return ids
}

// RuleNames lists every rule ID and alias, for did-you-mean hints.
func (p *Pack) RuleNames() []string {
	var names []string
	for _, r := range p.rules {
		names = append(names, r.ID)
		names = append(names, r.Aliases...)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

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
