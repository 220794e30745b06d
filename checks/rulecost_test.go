package checks_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/testcorpus"
)

// TestRuleCost prints what each rule costs over the corpus, most expensive
// first, to find rules worth rewriting. Opt in: SHIPLINT_RULE_COST=1.
func TestRuleCost(t *testing.T) {
	if os.Getenv("SHIPLINT_RULE_COST") == "" {
		t.Skip("set SHIPLINT_RULE_COST=1 to measure every rule over the corpus")
	}
	dir, ok := testcorpus.Dir()
	if !ok {
		t.Skipf("no corpus at %s (set SHIPLINT_BENCH_CORPUS)", dir)
	}
	files := loadCorpus(&testing.B{}, dir)
	ctx := context.Background()
	pack, err := checks.Load(ctx, checks.Options{})
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[document.Kind][]ast.Value{}
	for _, f := range files {
		docs, _ := checks.Parse(f)
		for _, d := range docs {
			v, err := ast.InterfaceToValue(d.Input)
			if err != nil {
				t.Fatal(err)
			}
			inputs[d.Kind] = append(inputs[d.Kind], v)
		}
	}
	type cost struct {
		id string
		d  time.Duration
	}
	var costs []cost
	for _, r := range pack.Rules() {
		if r.Package == "" {
			continue
		}
		c, err := pack.Compiler(ctx, r.Kind)
		if err != nil {
			t.Fatal(err)
		}
		pq, err := rego.New(rego.Query("data."+r.Package+".deny"), rego.Compiler(c)).PrepareForEval(ctx)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		for _, in := range inputs[r.Kind] {
			if _, err := pq.Eval(ctx, rego.EvalParsedInput(in)); err != nil {
				t.Fatal(err)
			}
		}
		costs = append(costs, cost{r.ID, time.Since(start)})
	}
	slices.SortFunc(costs, func(a, b cost) int { return int(b.d - a.d) })
	var sb strings.Builder
	var total time.Duration
	for _, c := range costs {
		total += c.d
		fmt.Fprintf(&sb, "%-8s %8.1f ms\n", c.id, float64(c.d.Microseconds())/1000)
	}
	t.Logf("total %v over %d docs\n%s", total, len(inputs[document.Dockerfile])+len(inputs[document.Compose])+len(inputs[document.Kubernetes]), sb.String())
}
