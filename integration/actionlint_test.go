package integration

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// actionlintRepo lays out a temporary git repository the way a user's would
// look with the action vendored at its root: action.yml at the top and the
// workflow in .github/workflows. actionlint finds the project by its .git and
// reads ./action.yml for every `uses: ./` step, checking the step's `with:`
// against the action's inputs and `steps.<id>.outputs.*` against its outputs.
func actionlintRepo(t *testing.T, workflow string) string {
	t.Helper()
	dir := t.TempDir()
	action, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"action.yml":                     string(action),
		".github/workflows/shiplint.yml": workflow,
	})
	if r := run(t, dir, gitEnv, time.Minute, "git", "init", "-q"); r.code != 0 {
		t.Fatalf("git init: %s", r.combined())
	}
	return dir
}

func runActionlint(t *testing.T, bin, dir string) result {
	t.Helper()
	r := run(t, dir, nil, 2*time.Minute, bin, "-no-color", "-oneline")
	if r.code > 1 {
		t.Fatalf("actionlint could not run (exit %d):\n%s", r.code, r.combined())
	}
	return r
}

// TestActionlint checks action.yml and the workflows that use it with
// actionlint: the sample workflow in integration/testdata/workflow.yml (which
// the README shows) and the workflow in docs/ci.md. A deliberately wrong
// workflow shows actionlint really reads the local action's inputs and
// outputs, so a passing run means something.
func TestActionlint(t *testing.T) {
	bin, err := lookTool("actionlint")
	if err != nil {
		t.Skip("actionlint is not installed (.ci/run installs it: go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12): ", err)
	}
	if _, err := lookTool("git"); err != nil {
		t.Skip("git is not installed: ", err)
	}

	sample, err := os.ReadFile(filepath.Join("testdata", "workflow.yml"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("sample workflow", func(t *testing.T) {
		if !strings.Contains(string(sample), "uses: ./") || !strings.Contains(string(sample), "github/codeql-action/upload-sarif@") {
			t.Fatal("testdata/workflow.yml must use the local action (uses: ./) and upload-sarif")
		}
		if !regexp.MustCompile(`(?m)^\s+security-events: write\b`).Match(sample) {
			t.Error("testdata/workflow.yml must grant security-events: write for the SARIF upload")
		}
		if r := runActionlint(t, bin, actionlintRepo(t, string(sample))); r.code != 0 {
			t.Errorf("actionlint found problems:\n%s", r.combined())
		}
	})

	t.Run("docs/ci.md workflow", func(t *testing.T) {
		doc, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "ci.md"))
		if err != nil {
			t.Fatal(err)
		}
		var workflow string
		for _, block := range fencedBlocks(string(doc), "yaml") {
			if strings.Contains(block, "upload-sarif") && strings.Contains(block, "jobs:") {
				workflow = block
				break
			}
		}
		if workflow == "" {
			t.Fatal("docs/ci.md has no yaml block with a workflow that uploads SARIF")
		}
		// The docs use the published action; here the checked-out one stands in.
		remote := regexp.MustCompile(`uses: shiplint/shiplint@\S+`)
		if !remote.MatchString(workflow) {
			t.Fatal("the docs/ci.md workflow does not use shiplint/shiplint@<version>")
		}
		workflow = remote.ReplaceAllString(workflow, "uses: ./")
		if r := runActionlint(t, bin, actionlintRepo(t, workflow)); r.code != 0 {
			t.Errorf("actionlint found problems in the docs/ci.md workflow:\n%s", r.combined())
		}
	})

	t.Run("wrong input and output are caught", func(t *testing.T) {
		bad := `name: wrong
on: push
jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: shiplint
        uses: ./
        with:
          paths: .
      - run: echo "$N"
        env:
          N: ${{ steps.shiplint.outputs.finding-count }}
`
		r := runActionlint(t, bin, actionlintRepo(t, bad))
		out := r.combined()
		if r.code != 1 || !strings.Contains(out, `input "paths" is not defined`) || !strings.Contains(out, `"finding-count" is not defined`) {
			t.Errorf("actionlint did not report the undefined input and output (exit %d):\n%s", r.code, out)
		}
	})
}

// fencedBlocks returns the bodies of the ``` blocks in markdown tagged lang.
func fencedBlocks(markdown, lang string) []string {
	var blocks []string
	var cur []string
	in := false
	for _, line := range strings.Split(markdown, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && trimmed == "```"+lang:
			in, cur = true, nil
		case in && trimmed == "```":
			in = false
			blocks = append(blocks, strings.Join(cur, "\n")+"\n")
		case in:
			cur = append(cur, line)
		}
	}
	return blocks
}

// TestActionMetadata checks what actionlint does not: every input is
// documented and used, every output comes from a step that exists, and the
// shell is clean under shellcheck (when it is installed; .ci/run installs it).
func TestActionMetadata(t *testing.T) {
	a := loadAction(t)
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Name == "" {
		t.Error("action.yml has no name")
	}
	for name, in := range a.Inputs {
		if strings.TrimSpace(in.Description) == "" {
			t.Errorf("input %q has no description", name)
		}
		if !regexp.MustCompile(`\$\{\{\s*inputs\.` + regexp.QuoteMeta(name) + `\s*\}\}`).Match(raw) {
			t.Errorf("input %q is declared but never used", name)
		}
	}
	ids := map[string]bool{}
	for _, st := range a.Runs.Steps {
		if st.ID != "" {
			ids[st.ID] = true
		}
	}
	stepRef := regexp.MustCompile(`^\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.[A-Za-z0-9_-]+\s*\}\}$`)
	for name, o := range a.Outputs {
		m := stepRef.FindStringSubmatch(o.Value)
		if m == nil || !ids[m[1]] {
			t.Errorf("output %q = %q does not name a step of the action", name, o.Value)
		}
		if strings.TrimSpace(o.Description) == "" {
			t.Errorf("output %q has no description", name)
		}
	}

	sc, err := lookTool("shellcheck")
	if err != nil {
		t.Log("shellcheck is not installed; skipping the shell check of action.yml's run: blocks")
		return
	}
	dir := t.TempDir()
	for i, st := range a.Runs.Steps {
		if st.Run == "" {
			continue
		}
		script := filepath.Join(dir, "step.sh")
		// The runner's bash flags, so shellcheck knows -e and pipefail are on.
		if err := os.WriteFile(script, []byte("#!/usr/bin/env bash\nset -eo pipefail\n"+st.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := run(t, dir, nil, time.Minute, sc, "--shell=bash", "--severity=style", script); r.code != 0 {
			t.Errorf("shellcheck on step %d (%q):\n%s", i, st.Name, r.combined())
		}
	}
}
