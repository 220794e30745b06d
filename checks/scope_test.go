package checks

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/testcorpus"
)

// TestAppliesToIsSound evaluates every built-in Kubernetes rule on its own,
// ignoring applies_to, over the repository's Kubernetes test files (and the
// shared corpus when it is there), and fails if a rule fires on a resource
// its applies_to leaves out: such a rule would lose findings in a scan.
func TestAppliesToIsSound(t *testing.T) {
	ctx := context.Background()
	p, err := Load(ctx, Options{Kinds: []document.Kind{document.Kubernetes}})
	if err != nil {
		t.Fatal(err)
	}
	queries, err := p.ruleQueries(ctx, document.Kubernetes)
	if err != nil {
		t.Fatal(err)
	}
	dirs := []string{filepath.Join("..", "testdata")}
	if corpus, ok := testcorpus.Dir(); ok {
		dirs = append(dirs, corpus)
	} else {
		t.Logf("no corpus at %s: checking the repository's test files only", corpus)
	}
	docs := 0
	discover.Walk(dirs, discover.Options{}, func(e discover.Event) bool {
		if e.File == nil || e.File.Kind != document.Kubernetes {
			return true
		}
		parsed, _ := Parse(File{Path: e.File.Path, Kind: e.File.Kind, Source: e.File.Source})
		for _, d := range parsed {
			docs++
			input, err := ast.InterfaceToValue(d.Input)
			if err != nil {
				t.Fatal(err)
			}
			for _, rq := range queries {
				if applies(rq.rule, d) {
					continue
				}
				rs, err := rq.query.Eval(ctx, rego.EvalParsedInput(input))
				if err != nil {
					t.Fatal(err)
				}
				if len(rs) > 0 && len(rs[0].Expressions) > 0 {
					if set, _ := rs[0].Expressions[0].Value.([]any); len(set) > 0 {
						sc := scopeOf(d)
						t.Errorf("%s declares applies_to %v but fires on %s (%s, workload %v, cluster-scoped %v)", rq.rule.ID, rq.rule.AppliesTo, d.Path, sc.kind, sc.workload, sc.clusterScoped)
					}
				}
			}
		}
		return true
	})
	if docs == 0 {
		t.Fatal("no Kubernetes documents found")
	}
}
