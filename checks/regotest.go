package checks

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/shiplint/shiplint/internal/regosandbox"
)

// RegoTestResult is the outcome of one Rego test rule.
type RegoTestResult struct {
	Package string
	Name    string
	File    string
	Line    int
	Passed  bool
	Message string // why it failed
}

// RunRegoTests runs the test_ rules of the rule pack opt describes (the
// built-in pack and/or policy directories), the way `opa test` does, with
// the same restricted built-ins as a scan.
func RunRegoTests(ctx context.Context, opt Options) ([]RegoTestResult, error) {
	opt.WithTests = true
	srcs, err := gatherSources(opt)
	if err != nil {
		return nil, err
	}
	caps := regosandbox.Capabilities()
	modules := map[string]*ast.Module{}
	for _, s := range srcs {
		text, err := s.content()
		if err != nil {
			return nil, err
		}
		m, err := ast.ParseModuleWithOpts(s.name, text, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: caps})
		if err != nil {
			return nil, policyError(err)
		}
		modules[s.name] = m
	}
	// The same sandbox as a scan (internal/regosandbox): user modules checked before
	// anything runs, the heap watched while the tests run.
	if err := (&Pack{}).checkUserModules(modules, builtinNames(srcs)); err != nil {
		return nil, err
	}
	ctx, done := regosandbox.WatchHeap(ctx)
	defer done()
	ch, err := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithCapabilities(caps)).
		SetModules(modules).
		CapturePrintOutput(true).
		RunTests(ctx, nil)
	if err != nil {
		return nil, policyError(err)
	}
	var out []RegoTestResult
	for r := range ch {
		res := RegoTestResult{Package: strings.TrimPrefix(r.Package, "data."), Name: r.Name, Passed: r.Pass()}
		if r.Location != nil {
			res.File, res.Line = r.Location.File, r.Location.Row
		}
		switch {
		case r.Error != nil:
			res.Message = r.Error.Error()
		case r.Fail:
			res.Message = "test rule evaluated to false or undefined"
			if len(r.Output) > 0 {
				res.Message += "; printed: " + strings.TrimSpace(string(r.Output))
			}
		}
		out = append(out, res)
	}
	slices.SortFunc(out, func(a, b RegoTestResult) int {
		return strings.Compare(fmt.Sprintf("%s:%09d", a.File, a.Line), fmt.Sprintf("%s:%09d", b.File, b.Line))
	})
	return out, nil
}
