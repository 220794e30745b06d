package checks_test

import (
	"context"
	"os"
	"testing"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/ruletest"
)

// TestRuleFixtures proves every built-in rule fires exactly at the lines
// its bad fixtures expect and nowhere else, and stays quiet on the good ones.
func TestRuleFixtures(t *testing.T) {
	ctx := context.Background()
	pack, err := checks.Load(ctx, checks.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range pack.Rules() {
		switch r.ID {
		case checks.RenderErrorRule.ID, checks.RenderSkippedRule.ID, checks.HelmMissingDependencyRule.ID:
			// Reported by rendering a chart or overlay, not by scanning a
			// file: tested end to end in cmd/shiplint/render_test.go.
			continue
		}
		ids = append(ids, r.ID)
	}
	load := func(params map[string]map[string]any) (*checks.Pack, error) {
		return checks.Load(ctx, checks.Options{Select: checks.Selection{Params: params}})
	}
	for _, res := range ruletest.CheckRuleDirs(ctx, pack, "../testdata/rules", ids, load) {
		t.Run(res.RuleID, func(t *testing.T) {
			for _, p := range res.Problems {
				t.Error(p)
			}
		})
	}
	// Every fixture directory belongs to a rule.
	entries, err := os.ReadDir("../testdata/rules")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := pack.Rule(e.Name()); !ok {
			t.Errorf("testdata/rules/%s names no rule", e.Name())
		}
	}
}

// TestRegoUnitTests runs every test_ rule beside the built-in rules.
func TestRegoUnitTests(t *testing.T) {
	results, err := checks.RunRegoTests(context.Background(), checks.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests found")
	}
	for _, r := range results {
		if !r.Passed {
			t.Errorf("%s:%d: %s.%s failed: %s", r.File, r.Line, r.Package, r.Name, r.Message)
		}
	}
}
