package report

import (
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

// The job summary is rendered as Markdown: text from the tree must not
// become a link, an image, HTML or a new table cell there.
func TestStepSummaryKeepsTreeTextPlain(t *testing.T) {
	res := finding.Result{Findings: []finding.Finding{
		{RuleID: "KS001", Severity: finding.High, Path: "k8s/a|b.yaml", Range: document.Range{StartLine: 3},
			Message: `Pod "[click](https://evil.example) ![t](https://evil.example/p.png) <img src=x> *x* a_b" runs privileged`},
		{RuleID: "DF001", Severity: finding.High, Path: "x`<b>y`/Dockerfile", Range: document.Range{StartLine: 1}, Message: "m"},
	}}
	got := markdownSummary(res)
	want := "| high | KS001 | `k8s/a\\|b.yaml:3` | Pod \"\\[click\\](https://evil.example) \\!\\[t\\](https://evil.example/p.png) \\<img src=x\\> \\*x\\* a\\_b\" runs privileged |\n" +
		"| high | DF001 | x\\`\\<b\\>y\\`/Dockerfile:1 | m |\n"
	if !strings.Contains(got, want) {
		t.Errorf("summary:\n%s\nwant it to hold:\n%s", got, want)
	}
}

// Files that were not read carry a finding too: the summary counts them
// among the files met instead of claiming more files with findings than
// were scanned.
func TestSummaryCountsFilesNotScanned(t *testing.T) {
	res := finding.Result{
		Findings: []finding.Finding{
			{RuleID: "file-not-scanned", Severity: finding.High, Path: "Dockerfile"},
			{RuleID: "DC001", Severity: finding.Critical, Path: "compose.yaml"},
			{RuleID: "file-not-scanned", Severity: finding.High, Path: "x.yaml"},
		},
		Summary: finding.Summary{FilesScanned: 1, FilesNotScanned: 2},
	}
	want := "3 findings (1 critical, 2 high) in 3 of 3 files; 2 files not scanned (see file-not-scanned)"
	if got := summary(res); got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	res.Summary.FilesNotScanned = 0
	res.Findings = res.Findings[1:2]
	if got, want := summary(res), "1 finding (1 critical) in 1 of 1 file scanned"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

// A chart's findings land on its templates and values, which are not
// scanned files: the summary counts them apart.
func TestSummaryWithRenderedUnits(t *testing.T) {
	res := finding.Result{
		Findings: []finding.Finding{
			{RuleID: "KS001", Severity: finding.Critical, Path: "app/values.yaml"},
			{RuleID: "KS005", Severity: finding.High, Path: "app/templates/pod.yaml"},
		},
		Summary: finding.Summary{FilesScanned: 0, Rendered: 1},
	}
	want := "2 findings (1 critical, 1 high) in 2 files; 0 files scanned, 1 chart or overlay rendered"
	if got := summary(res); got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}
