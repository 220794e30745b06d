package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

// BenchmarkReport renders 10,000 findings in every format.
func BenchmarkReport(b *testing.B) {
	res := finding.Result{Rules: []finding.Rule{{ID: "KS001", Title: "Container runs privileged", Severity: finding.Critical, Kind: document.Kubernetes}}}
	for i := range 10000 {
		res.Findings = append(res.Findings, finding.Finding{
			RuleID: "KS001", Severity: finding.Critical, Title: "Container runs privileged",
			Message: fmt.Sprintf("container %d runs privileged", i), Kind: document.Kubernetes,
			Path: fmt.Sprintf("k8s/app-%d.yaml", i/10), Range: document.Range{StartLine: i%100 + 1, StartColumn: 5, EndLine: i%100 + 1, EndColumn: 21},
			Snippet: "    privileged: true", Fingerprint: fmt.Sprintf("%032x", i),
		})
	}
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			for range b.N {
				if err := Write(io.Discard, format, res, Options{Version: "1.0.0"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
