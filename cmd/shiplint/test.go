package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/ruletest"
	"github.com/shiplint/shiplint/internal/safetext"
)

func testCommand() *cli.Command {
	return &cli.Command{
		Name:      "test",
		Usage:     "run the Rego unit tests and fixture expectations of a policy directory",
		ArgsUsage: "DIR",
		Description: "Runs every test_ rule in DIR's *_test.rego files, then checks each rule of DIR against\n" +
			"its fixtures in DIR/testdata/<RULE ID>/: bad samples mark expected findings with\n" +
			"'# want: ID' comments, good samples have none. The same harness checks the built-in rules.",
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("test needs one policy directory, e.g. shiplint test policy/")
			}
			dir := c.Args().First()
			failed, passed, err := testPolicyDir(c, dir)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "%d passed, %d failed\n", passed, failed)
			if failed > 0 {
				return exitCode(exitFindings)
			}
			return nil
		},
	}
}

func testPolicyDir(c *cli.Context, dir string) (failed, passed int, err error) {
	// Test names, messages and fixture paths come from the policy
	// directory, which may be the scanned repository's own.
	w := safetext.NewWriter(c.App.Writer)
	defer w.Flush()
	opt := checks.Options{Policies: []string{dir}}
	results, err := checks.RunRegoTests(c.Context, opt)
	if err != nil {
		return 0, 0, err
	}
	prefix := filepath.ToSlash(filepath.Clean(dir)) + "/"
	for _, r := range results {
		if !strings.HasPrefix(r.File, prefix) {
			continue // the built-in pack's own tests
		}
		if r.Passed {
			passed++
			continue
		}
		failed++
		fmt.Fprintf(w, "FAIL %s:%d: %s: %s\n", r.File, r.Line, r.Name, r.Message)
	}
	pack, err := checks.Load(c.Context, opt)
	if err != nil {
		return 0, 0, err
	}
	var ids []string
	for _, r := range pack.Rules() {
		if strings.HasPrefix(r.File, prefix) {
			ids = append(ids, r.ID)
		}
	}
	load := func(params map[string]map[string]any) (*checks.Pack, error) {
		return checks.Load(c.Context, checks.Options{Policies: []string{dir}, Select: checks.Selection{Params: params}})
	}
	for _, res := range ruletest.CheckRuleDirs(c.Context, pack, filepath.Join(dir, "testdata"), ids, load) {
		if len(res.Problems) == 0 {
			passed++
			fmt.Fprintf(w, "ok   %s: %d fixture files, %d expected findings\n", res.RuleID, res.Files, res.Wanted)
			continue
		}
		failed++
		for _, p := range res.Problems {
			fmt.Fprintf(w, "FAIL %s: %s\n", res.RuleID, p)
		}
	}
	return failed, passed, nil
}
