// Package finding holds what the engine produces and the reporters print:
// findings and the rule metadata they refer to. It knows nothing of parsers.
package finding

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
)

// Severity orders how much a finding matters.
type Severity int

// Severities from least to most severe.
const (
	Info Severity = iota + 1
	Low
	Medium
	High
	Critical
)

var severityNames = map[Severity]string{Info: "info", Low: "low", Medium: "medium", High: "high", Critical: "critical"}

func (s Severity) String() string { return severityNames[s] }

// ParseSeverity reads a severity name.
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if strings.EqualFold(n, name) {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium, low or info)", name)
}

// MarshalText writes the name, so JSON output carries "high", not 4.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name (the built-in rule catalog is JSON).
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Rule is one rule's metadata, read from its METADATA block.
type Rule struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Description string            `json:"description"`
	Severity    Severity          `json:"severity"`
	Remediation string            `json:"remediation"`
	References  []string          `json:"references,omitempty"`
	Frameworks  map[string]string `json:"frameworks,omitempty"`
	Aliases     []string          `json:"aliases,omitempty"`
	// AppliesTo, for a Kubernetes rule, lists the resources it can fire on:
	// "workload" (anything with a pod spec) or resource kinds ("Service").
	// The engine evaluates it only on those; empty means every resource.
	AppliesTo []string `json:"appliesTo,omitempty"`
	// Related, for a Kubernetes rule, lists the other resources of the
	// scan it reads (input.related): "workload" or resource kinds. Such a
	// rule is evaluated after every file has been read (see
	// checks/related.go); empty means it reads only its own document.
	Related []string      `json:"related,omitempty"`
	Kind    document.Kind `json:"kind"`
	// Package is the Rego package path, e.g. "shiplint.kubernetes.privileged".
	Package string `json:"package"`
	// File is where the rule is defined (embedded rules: "rules/...").
	File    string `json:"file"`
	BuiltIn bool   `json:"builtIn"`
}

// Finding is one problem at one place.
type Finding struct {
	RuleID   string         `json:"ruleId"`
	Severity Severity       `json:"severity"`
	Title    string         `json:"title"`
	Message  string         `json:"message"`
	Kind     document.Kind  `json:"kind"`
	Path     string         `json:"path"`
	Range    document.Range `json:"range"`
	// Resource is the identity of the resource inside the file, if any.
	Resource string `json:"resource,omitempty"`
	// Snippet is the source text of Range's lines, joined with "\n" (at
	// most checks.MaxSnippetLines, then a line "…").
	Snippet string `json:"snippet"`
	// Fingerprint identifies the finding across unrelated edits.
	Fingerprint string `json:"fingerprint"`
	// Anchor is what the fingerprint holds on to inside the resource: a
	// formatting-independent path for YAML, the offending line's text for
	// a Dockerfile. Not part of any output.
	Anchor string `json:"-"`
	// Suppressed says why the finding is silenced, when it is. Suppressed
	// findings are kept (SARIF shows them as suppressed) but do not fail
	// the run and are hidden from text output unless asked for.
	Suppressed *Suppression `json:"suppressed,omitempty"`
	// Related are the other places a finding from a rendered chart or
	// overlay came through: the template line, the values key, the
	// overlay (the first place is Path and Range).
	Related []Related `json:"related,omitempty"`
	// Key is the rule's path into the document (document.Key), for
	// moving a finding in rendered text to its source. Not output.
	Key string `json:"-"`
	// Via names the chart or overlay a finding was rendered through, so
	// findings reached through several overlays collapse into one. Not output.
	Via string `json:"-"`
	// Fix, when the rule attached one and the engine could turn it into
	// text edits, is a mechanical change that removes the finding.
	Fix *Fix `json:"fix,omitempty"`
}

// Fix is a change to the source that removes a finding: text edits to one
// or more files (today always the finding's own file).
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Edit replaces the text of Range in Path with NewText. Lines and columns
// are 1-based, in characters (Unicode code points), EndColumn exclusive; a
// Range whose start equals its end is an insertion. Columns never cut a
// line ending: NewText carries the file's own line ending ("\r\n" in a
// CRLF file) where it adds lines.
type Edit struct {
	Path    string         `json:"path"`
	Range   document.Range `json:"range"`
	NewText string         `json:"newText"`
}

// Related is one more location of a finding, and the part it played
// ("template", "values", "patch", "base", "kustomization", ...).
type Related struct {
	Path  string         `json:"path"`
	Range document.Range `json:"range"`
	Role  string         `json:"role"`
}

// Suppression is an in-source instruction that silenced a finding.
type Suppression struct {
	// Source is the syntax that silenced it: "shiplint", "hadolint",
	// "trivy", "checkov", "kics", "kube-linter" or "annotation".
	Source        string `json:"source"`
	Justification string `json:"justification,omitempty"`
	// Line is where the suppression is written (0 for an annotation
	// without a line).
	Line int `json:"line,omitempty"`
}

// Active returns the findings that are not suppressed.
func Active(fs []Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		if f.Suppressed == nil {
			out = append(out, f)
		}
	}
	return out
}

// Sort puts findings in the one order every output uses: by file, line,
// column, rule, then message.
func Sort(fs []Finding) {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Range.StartLine, b.Range.StartLine),
			cmp.Compare(a.Range.StartColumn, b.Range.StartColumn),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.Range.EndLine, b.Range.EndLine),
			cmp.Compare(a.Range.EndColumn, b.Range.EndColumn),
			cmp.Compare(a.Resource, b.Resource),
		)
	})
}

// Notification is something about the run rather than the code: a file that
// could not be read, a document that timed out.
type Notification struct {
	Level   string `json:"level"` // "error" | "warning" | "note"
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// Result is everything a scan produced.
type Result struct {
	Findings      []Finding      `json:"findings"`
	Rules         []Rule         `json:"-"`
	Notifications []Notification `json:"notifications"`
	Summary       Summary        `json:"summary"`
}

// Summary counts what was scanned.
type Summary struct {
	// Findings counts the reported findings: not suppressed, not in the
	// baseline (what decides the exit status, at any severity).
	Findings     int `json:"findings"`
	FilesScanned int `json:"filesScanned"`
	FilesSkipped int `json:"filesSkipped"`
	// FilesNotScanned counts files not read (each a file-not-scanned
	// finding): outside the scan root, not regular, over a limit.
	FilesNotScanned int            `json:"filesNotScanned,omitempty"`
	Documents       int            `json:"documents"`
	ByKind          map[string]int `json:"byKind"`
	BySeverity      map[string]int `json:"bySeverity"`
	Suppressed      int            `json:"suppressed"`
	// Rendered counts the Helm charts and Kustomize overlays rendered;
	// Unmapped the findings in them whose source line is not known (each
	// reported at line 1 of the Chart.yaml or kustomization).
	Rendered int `json:"rendered,omitempty"`
	// Inputs counts documents by the less usual forms they were written
	// in (document.Form*: "kubernetes-json", "compose-legacy"...).
	Inputs   map[string]int `json:"inputs,omitempty"`
	Unmapped int            `json:"unmapped,omitempty"`
	// Baselined counts findings left out because the baseline holds them.
	Baselined int `json:"baselined,omitempty"`
}
