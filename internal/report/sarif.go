package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/shiplint/shiplint/internal/finding"
)

// SrcRoot is the uriBaseId every artifact location is relative to: the scan
// root. Consumers (GitHub code scanning, IDE viewers) resolve it to the
// checkout, so the SARIF file carries no machine-specific absolute path.
const SrcRoot = "%SRCROOT%"

// FingerprintKey names shiplint's fingerprint in partialFingerprints.
const FingerprintKey = "shiplint/v1"

const informationURI = "https://github.com/shiplint/shiplint"

// SARIF writes a SARIF 2.1.0 log with one run: every rule of the pack as a
// reporting descriptor, every finding as a result that points at its rule by
// ID and index.
func SARIF(w io.Writer, res finding.Result, opt Options) error {
	run := sarif.NewRunWithInformationURI("shiplint", informationURI)
	driver := run.Tool.Driver
	v := strings.TrimPrefix(opt.Version, "v")
	driver.Version = &v
	driver.SemanticVersion = semver(opt.Version)
	index := map[string]int{}
	for i, r := range res.Rules {
		driver.Rules = append(driver.Rules, descriptor(r))
		index[r.ID] = i
	}
	for _, f := range res.Findings {
		run.AddResult(result(f, index))
	}
	run.AddInvocation(invocation(res))
	if opt.SARIFCategory != "" {
		run.AutomationDetails = sarif.NewRunAutomationDetails().WithID(strings.TrimSuffix(opt.SARIFCategory, "/") + "/")
	}
	report := sarif.NewReport()
	report.AddRun(run)
	var buf bytes.Buffer
	if err := report.Write(&buf); err != nil {
		return err
	}
	return writeWithoutSentinels(w, buf.Bytes())
}

// writeWithoutSentinels drops what go-sarif writes for "unset": -1 indexes,
// offsets and lengths (SARIF §3.4 says they mean "absent", and the validator
// warns about them) and empty arrays and property bags, then indents the
// log. results stays even when empty: [] means "nothing found".
func writeWithoutSentinels(w io.Writer, raw []byte) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	dropSentinels(v)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

var sentinelKeys = map[string]bool{"index": true, "parentIndex": true, "length": true, "byteOffset": true, "charOffset": true, "rank": true, "id": true}

func dropSentinels(v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			dropSentinels(val)
			if unset(k, val) {
				delete(t, k)
			}
		}
	case []any:
		for _, e := range t {
			dropSentinels(e)
		}
	}
}

func semver(v string) *string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || !strings.ContainsAny(v[:1], "0123456789") {
		return nil
	}
	return &v
}

// descriptor is a rule as code scanning shows it: title, why, how to fix,
// severity for ranking, tags for filtering.
func descriptor(r finding.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(r.ID)
	name := ruleName(r)
	d.Name = &name
	d.ShortDescription = text(r.Title)
	d.FullDescription = text(orDefault(r.Description, r.Title))
	d.Help = sarif.NewMultiformatMessageString().WithText(helpText(r)).WithMarkdown(helpMarkdown(r))
	if len(r.References) > 0 {
		d.HelpURI = &r.References[0]
	}
	d.DefaultConfiguration = sarif.NewReportingConfiguration().WithLevel(level(r.Severity))
	props := sarif.NewPropertyBag()
	props.Add("security-severity", securitySeverity(r.Severity))
	props.Add("precision", "high")
	props.Tags = tags(r)
	d.Properties = props
	return d
}

// ruleName is a PascalCase identifier from the title (SARIF wants names
// that are not the ID and contain no spaces).
func ruleName(r finding.Rule) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(r.Title, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	}) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	if b.Len() == 0 {
		return "Rule" + r.ID
	}
	return b.String()
}

func tags(r finding.Rule) []string {
	t := []string{"security", string(r.Kind)}
	if r.Kind == "" {
		t = t[:1]
	}
	for _, k := range slices.Sorted(maps.Keys(r.Frameworks)) {
		t = append(t, k+":"+r.Frameworks[k])
	}
	return t
}

func helpText(r finding.Rule) string {
	parts := []string{orDefault(r.Description, r.Title)}
	if r.Remediation != "" {
		parts = append(parts, "Fix: "+r.Remediation)
	}
	if len(r.References) > 0 {
		parts = append(parts, "References: "+strings.Join(r.References, " "))
	}
	return strings.Join(parts, "\n\n")
}

func helpMarkdown(r finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s, severity %s)\n\n%s\n", r.Title, r.ID, r.Severity, orDefault(r.Description, r.Title))
	if r.Remediation != "" {
		fmt.Fprintf(&b, "\n**Fix:** %s\n", r.Remediation)
	}
	if len(r.Aliases) > 0 {
		fmt.Fprintf(&b, "\n**Same as:** %s\n", strings.Join(r.Aliases, ", "))
	}
	if len(r.References) > 0 {
		b.WriteString("\n**References:**\n")
		for _, u := range r.References {
			fmt.Fprintf(&b, "- <%s>\n", u)
		}
	}
	return b.String()
}

func text(s string) *sarif.MultiformatMessageString {
	return sarif.NewMultiformatMessageString().WithText(s)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// level maps a severity to SARIF's level (never a severity name).
func level(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return sarif.LevelError
	case s == finding.Medium:
		return sarif.LevelWarning
	}
	return sarif.LevelNote
}

// securitySeverity is the CVSS-like score GitHub code scanning ranks by:
// over 9 critical, 7 to 8.9 high, 4 to 6.9 medium, below 4 low.
func securitySeverity(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return "9.5"
	case finding.High:
		return "8.0"
	case finding.Medium:
		return "5.5"
	case finding.Low:
		return "3.0"
	}
	return "1.0"
}

func result(f finding.Finding, index map[string]int) *sarif.Result {
	r := sarif.NewRuleResult(f.RuleID)
	r.RuleIndex = index[f.RuleID]
	r.Level = level(f.Severity)
	r.Message = sarif.NewTextMessage(f.Message)
	loc := sarif.NewPhysicalLocation().
		WithArtifactLocation(artifact(f.Path)).
		WithRegion(region(f))
	r.Locations = append(r.Locations, sarif.NewLocationWithPhysicalLocation(loc))
	r.PartialFingerprints = map[string]string{FingerprintKey: f.Fingerprint}
	if s := f.Suppressed; s != nil {
		sup := sarif.NewSuppression().WithKind("inSource").WithStatus("accepted")
		just := s.Source
		if s.Justification != "" {
			just += ": " + s.Justification
		}
		sup.Justification = &just
		r.Suppressions = append(r.Suppressions, sup)
	}
	return r
}

func artifact(path string) *sarif.ArtifactLocation {
	return sarif.NewArtifactLocation().WithURI(uriOf(path)).WithURIBaseID(SrcRoot)
}

// uriOf escapes each path segment, so spaces and '#' survive as a URI.
func uriOf(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func region(f finding.Finding) *sarif.Region {
	r := sarif.NewRegion().WithStartLine(f.Range.StartLine)
	end := max(f.Range.EndLine, f.Range.StartLine)
	r.WithEndLine(end)
	if f.Range.StartColumn > 0 {
		r.WithStartColumn(f.Range.StartColumn)
		if f.Range.EndColumn > 0 && (end > f.Range.StartLine || f.Range.EndColumn > f.Range.StartColumn) {
			r.WithEndColumn(f.Range.EndColumn)
		}
	}
	if f.Snippet != "" {
		r.Snippet = sarif.NewArtifactContent().WithText(f.Snippet)
	}
	return r
}

func invocation(res finding.Result) *sarif.Invocation {
	ok := true
	inv := sarif.NewInvocation()
	for _, n := range res.Notifications {
		if n.Level == "error" {
			ok = false
		}
		note := sarif.NewNotification().WithLevel(n.Level).WithMessage(sarif.NewTextMessage(n.Message))
		if n.Path != "" {
			note.Locations = append(note.Locations, sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().WithArtifactLocation(artifact(n.Path))))
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	inv.ExecutionSuccessful = &ok
	return inv
}

func unset(key string, v any) bool {
	switch t := v.(type) {
	case json.Number:
		return sentinelKeys[key] && t.String() == "-1"
	case []any:
		return len(t) == 0 && key != "results"
	case map[string]any:
		return len(t) == 0
	}
	return false
}
