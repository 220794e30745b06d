package suppress

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

// StaleRule is the built-in rule that reports shiplint suppressions that
// match nothing or have expired.
var StaleRule = finding.Rule{
	ID:          "stale-suppression",
	Title:       "Suppression matches no finding or has expired",
	Description: "A shiplint suppression that silences nothing, names no rule, or is past its until= date hides intent and, once the code changes, may silence a new problem by accident.",
	Severity:    finding.Low,
	Remediation: "Remove the suppression, fix the rule ID, or renew its until= date after re-reviewing the finding.",
	BuiltIn:     true,
	File:        "(built-in)",
}

// Rules is what Apply needs to know of the rule pack.
type Rules interface {
	// Aliases are the IDs other tools use for the rule.
	Aliases(id string) []string
	// Known reports whether a rule with this ID (or alias) exists.
	Known(id string) bool
	// Enabled reports whether the rule ran in this scan.
	Enabled(id string) bool
}

// Apply marks the findings the directives silence and returns them with
// stale-suppression findings for the shiplint directives that silenced
// nothing or expired. now decides expiry.
func Apply(fs []finding.Finding, ds []*Directive, docs []*document.Document, rules Rules, src Source, now time.Time) []finding.Finding {
	if len(ds) == 0 {
		return fs
	}
	for _, d := range ds {
		d.used = map[string]bool{}
		// A comment's resource is the one around its line; an annotation
		// already names its resource's span.
		if d.Scope == Document && d.Target == 0 {
			d.Target, d.TargetEnd = documentSpan(docs, d.Line, len(src.Lines))
		}
	}
	for i := range fs {
		f := &fs[i]
		for _, d := range ds {
			if expired(d, now) || !covers(d, f.Range.StartLine) {
				continue
			}
			id, ok := matches(d, f.RuleID, rules)
			if !ok {
				continue
			}
			d.used[id] = true
			if f.Suppressed == nil || (d.own() && f.Suppressed.Source != "shiplint") {
				f.Suppressed = &finding.Suppression{Source: d.Source, Justification: d.Reason, Line: d.Line}
			}
		}
	}
	for _, d := range ds {
		fs = append(fs, stale(d, rules, src, now)...)
	}
	return fs
}

// Problems turns unreadable suppression comments into stale-suppression
// findings, so a typo does not silently suppress nothing.
func Problems(ps []Problem, src Source) []finding.Finding {
	var out []finding.Finding
	for _, p := range ps {
		out = append(out, staleFinding(src, p.Line, p.Msg))
	}
	return out
}

// Source is the file findings and directives are in.
type Source struct {
	Path  string
	Kind  document.Kind
	Lines []string
}

func expired(d *Directive, now time.Time) bool {
	return !d.Until.IsZero() && now.After(d.Until.AddDate(0, 0, 1))
}

func covers(d *Directive, line int) bool {
	if d.Scope == File {
		return true
	}
	return line >= d.Target && line <= d.TargetEnd
}

// documentSpan is the span of the document (resource) holding line, or the
// whole file when it is outside every document.
func documentSpan(docs []*document.Document, line, total int) (int, int) {
	for _, doc := range docs {
		if line >= doc.Range.StartLine && line <= doc.Range.EndLine {
			return doc.Range.StartLine, doc.Range.EndLine
		}
	}
	return 1, max(total, 1)
}

// matches reports whether the directive names the rule (by its ID or one
// of its aliases) and which of its IDs did.
func matches(d *Directive, ruleID string, rules Rules) (string, bool) {
	if ruleID == StaleRule.ID {
		return "", false
	}
	if len(d.IDs) == 0 {
		return "*", true
	}
	want := map[string]bool{canonical(ruleID): true}
	for _, a := range rules.Aliases(ruleID) {
		want[canonical(a)] = true
	}
	for _, id := range d.IDs {
		if want[canonical(id)] {
			return canonical(id), true
		}
	}
	return "", false
}

var avdRe = regexp.MustCompile(`^(?:AVD-)?([A-Z]+)-?0*([0-9]+)$`)

// canonical makes IDs comparable across spellings: case is ignored, and
// Trivy's AVD-DS-0002 and DS002 are the same check.
func canonical(id string) string {
	id = strings.ToUpper(strings.TrimSpace(id))
	if m := avdRe.FindStringSubmatch(id); m != nil && (m[1] == "DS" || m[1] == "KSV" || m[1] == "KCV") {
		return fmt.Sprintf("%s%03s", m[1], m[2])
	}
	return id
}

func stale(d *Directive, rules Rules, src Source, now time.Time) []finding.Finding {
	if !d.own() {
		return nil
	}
	if expired(d, now) {
		msg := fmt.Sprintf("suppression of %s expired on %s and no longer applies; re-review the finding and renew or remove it", idList(d.IDs), d.Until.Format(dateLayout))
		return []finding.Finding{staleFinding(src, d.Line, msg)}
	}
	if len(d.IDs) == 0 {
		if len(d.used) == 0 {
			return []finding.Finding{staleFinding(src, d.Line, "suppression of every rule matches no finding; remove it")}
		}
		return nil
	}
	var out []finding.Finding
	for _, id := range d.IDs {
		switch {
		case d.used[canonical(id)]:
		case !rules.Known(id):
			out = append(out, staleFinding(src, d.Line, fmt.Sprintf("suppression names %s, which is not a rule (shiplint rules lists them)", id)))
		case rules.Enabled(id):
			out = append(out, staleFinding(src, d.Line, fmt.Sprintf("suppression of %s matches no finding; remove it", id)))
		}
	}
	return out
}

func idList(ids []string) string {
	if len(ids) == 0 {
		return "every rule"
	}
	return strings.Join(ids, ", ")
}

func staleFinding(src Source, line int, msg string) finding.Finding {
	snippet := ""
	if line >= 1 && line <= len(src.Lines) {
		snippet = src.Lines[line-1]
	}
	return finding.Finding{
		RuleID: StaleRule.ID, Severity: StaleRule.Severity, Title: StaleRule.Title,
		Message: msg, Kind: src.Kind, Path: src.Path,
		Range:   document.Range{StartLine: max(line, 1), EndLine: max(line, 1)},
		Snippet: snippet,
	}
}
