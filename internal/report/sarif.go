package report

import (
	"fmt"
	"io"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/shiplint/shiplint/internal/finding"
)

// SrcRoot is the uriBaseId of every relative artifact location: the
// repository root (Options.SourceRoot). GitHub code scanning resolves it to
// the checkout; run.originalUriBaseIds gives its absolute file URI for
// viewers that open the log elsewhere. A file outside it (a scan of
// /tmp/x from a checkout) is an absolute file:// URI with no uriBaseId
// (SARIF §3.4.4: a uri combined with a uriBaseId is a relative reference).
const SrcRoot = "%SRCROOT%"

// FingerprintKey names shiplint's fingerprint in partialFingerprints.
const FingerprintKey = "shiplint/v1"

const informationURI = "https://github.com/shiplint/shiplint"

// SARIF writes a SARIF 2.1.0 log with one run: every rule of the pack as a
// reporting descriptor, every finding as a result that points at its rule by
// ID and index.
func SARIF(w io.Writer, res finding.Result, opt Options) error {
	run := sarifRun{
		Language:         "en-US",
		NewlineSequences: []string{"\r\n", "\n"},
		Results:          make([]sarifResult, 0, len(res.Findings)),
		Tool: sarifTool{Driver: sarifDriver{
			Contents:        []string{"localizedData", "nonLocalizedData"},
			InformationURI:  informationURI,
			Language:        "en-US",
			Name:            "shiplint",
			SemanticVersion: semver(opt.Version),
			Version:         strings.TrimPrefix(opt.Version, "v"),
		}},
	}
	loc := locator{root: cleanDir(opt.SourceRoot), work: cleanDir(opt.WorkDir)}
	index := map[string]int{}
	for i, r := range res.Rules {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, descriptor(r))
		index[r.ID] = i
	}
	for _, f := range res.Findings {
		run.Results = append(run.Results, loc.result(f, index))
	}
	run.Invocations = []sarifInvocation{loc.invocation(res)}
	if loc.relative && loc.root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifact{SrcRoot: {URI: fileURI(loc.root) + "/"}}
	}
	if opt.SARIFCategory != "" {
		run.AutomationDetails = &sarifAutomation{ID: strings.TrimSuffix(opt.SARIFCategory, "/") + "/"}
	}
	return writeJSON(w, sarifLog{Schema: sarifSchema, Runs: []sarifRun{run}, Version: "2.1.0"})
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
func descriptor(r finding.Rule) sarifRule {
	d := sarifRule{
		DefaultConfiguration: sarifConfiguration{Enabled: true, Level: level(r.Severity)},
		FullDescription:      sarifText{Text: orDefault(r.Description, r.Title)},
		Help:                 sarifHelp{Markdown: helpMarkdown(r), Text: helpText(r)},
		ID:                   r.ID,
		Name:                 ruleName(r),
		Properties:           sarifRuleProperties{Precision: "high", SecuritySeverity: securitySeverity(r.Severity), Tags: tags(r)},
		ShortDescription:     sarifText{Text: r.Title},
	}
	if len(r.References) > 0 {
		d.HelpURI = r.References[0]
	}
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
		return "error"
	case s == finding.Medium:
		return "warning"
	}
	return "note"
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

func (loc *locator) result(f finding.Finding, index map[string]int) sarifResult {
	r := sarifResult{
		Kind:                "fail",
		Level:               level(f.Severity),
		Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: loc.artifact(f.Path), Region: region(f)}}},
		Message:             sarifText{Text: f.Message},
		PartialFingerprints: map[string]string{FingerprintKey: f.Fingerprint},
		RuleID:              f.RuleID,
		RuleIndex:           index[f.RuleID],
	}
	if f.Fix != nil {
		r.Fixes = []sarifFix{loc.sarifFixOf(f.Fix)}
	}
	for i, rel := range f.Related {
		fr := finding.Finding{Range: rel.Range}
		r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
			ID: i + 1, PhysicalLocation: sarifPhysical{ArtifactLocation: loc.artifact(rel.Path), Region: region(fr)},
			Message: &sarifText{Text: rel.Role},
		})
	}
	if s := f.Suppressed; s != nil {
		just := s.Source
		if s.Justification != "" {
			just += ": " + s.Justification
		}
		r.Suppressions = []sarifSuppression{{Justification: just, Kind: "inSource", Status: "accepted"}}
	}
	return r
}

// locator turns the paths findings are shown with (relative to the working
// directory, or absolute as the user gave them) into artifact locations.
type locator struct {
	// root is the repository root (slash path, no trailing slash) that
	// relative URIs are relative to; work the working directory the shown
	// paths are relative to. Either may be "" (a caller that knows
	// neither): relative paths then stay as shown, under SrcRoot.
	root, work string
	// relative: some location used SrcRoot, so the run defines it.
	relative bool
}

func (loc *locator) artifact(p string) sarifArtifact {
	abs := p
	if !isAbs(p) {
		if loc.work == "" || loc.root == "" {
			loc.relative = true
			return sarifArtifact{URI: uriOf(p), URIBaseID: SrcRoot}
		}
		abs = path.Join(loc.work, p)
	}
	if rel, ok := inside(abs, loc.root); ok {
		loc.relative = true
		return sarifArtifact{URI: uriOf(rel), URIBaseID: SrcRoot}
	}
	return sarifArtifact{URI: fileURI(abs)}
}

// inside returns p relative to dir when p is dir or below it.
func inside(p, dir string) (string, bool) {
	if dir == "" {
		return "", false
	}
	p = path.Clean(p)
	if dir == "/" {
		return strings.TrimPrefix(p, "/"), p != "/"
	}
	rel, ok := strings.CutPrefix(p, dir+"/")
	return rel, ok && rel != ""
}

// isAbs reports whether a slash path is absolute here or on Windows
// ("C:/x", "//server/share").
func isAbs(p string) bool {
	return strings.HasPrefix(p, "/") || len(p) >= 3 && p[1] == ':' && p[2] == '/' && isLetter(p[0])
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// fileURI is the file:// URI of an absolute slash path: file:///work/x,
// file:///C:/x, file://server/share/x.
func fileURI(p string) string {
	switch {
	case strings.HasPrefix(p, "//"):
		return "file:" + uriOf(p)
	case strings.HasPrefix(p, "/"):
		return "file://" + uriOf(p)
	}
	return "file:///" + p[:2] + uriOf(p[2:])
}

// cleanDir is a directory as a clean slash path without a trailing slash
// ("" stays "").
func cleanDir(dir string) string {
	if dir == "" {
		return ""
	}
	return path.Clean(strings.ReplaceAll(dir, "\\", "/"))
}

// uriOf escapes each path segment, so spaces and '#' survive as a URI.
func uriOf(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func region(f finding.Finding) *sarifRegion {
	end := max(f.Range.EndLine, f.Range.StartLine)
	r := &sarifRegion{StartLine: f.Range.StartLine, EndLine: end}
	if f.Range.StartColumn > 0 {
		r.StartColumn = f.Range.StartColumn
		if f.Range.EndColumn > 0 && (end > f.Range.StartLine || f.Range.EndColumn > f.Range.StartColumn) {
			r.EndColumn = f.Range.EndColumn
		}
	}
	if f.Snippet != "" {
		r.Snippet = &sarifText{Text: f.Snippet}
	}
	return r
}

func (loc *locator) invocation(res finding.Result) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, n := range res.Notifications {
		if n.Level == "error" {
			inv.ExecutionSuccessful = false
		}
		note := sarifNotification{Level: n.Level, Message: sarifText{Text: n.Message}}
		if n.Path != "" {
			note.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: loc.artifact(n.Path)}}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	return inv
}

// sarifFixOf writes a fix's edits as artifact changes, one per file in the
// order the files first appear.
func (loc *locator) sarifFixOf(fx *finding.Fix) sarifFix {
	out := sarifFix{Description: sarifText{Text: fx.Description}}
	at := map[string]int{}
	for _, e := range fx.Edits {
		i, ok := at[e.Path]
		if !ok {
			i = len(out.ArtifactChanges)
			at[e.Path] = i
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: loc.artifact(e.Path)})
		}
		rep := sarifReplacement{DeletedRegion: sarifRegion{
			StartLine: e.Range.StartLine, StartColumn: e.Range.StartColumn, EndLine: e.Range.EndLine, EndColumn: e.Range.EndColumn,
		}}
		if e.NewText != "" {
			rep.InsertedContent = &sarifText{Text: e.NewText}
		}
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, rep)
	}
	return out
}
