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
