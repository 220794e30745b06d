package main

// Output hygiene (issue 12, section 4) and arguments the CLI library must
// not swallow (section 5): file names, contents, config keys and policy
// lines from the scanned tree reach no output as a workflow command, a raw
// control character or a line of their own; a path named like a command
// is scanned.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/shiplint/shiplint/internal/finding"
)

// hygienePod is a privileged Pod: KS001 at line 10.
const hygienePod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n"

// runnerCommand reports whether a CI runner would act on line: GitHub
// trims leading white space and looks for "::"; its legacy "##[" commands
// and Azure's "##vso[" are found anywhere in the line.
func runnerCommand(line string) bool {
	lower := strings.ToLower(line)
	return strings.HasPrefix(strings.TrimLeftFunc(line, unicode.IsSpace), "::") ||
		strings.Contains(lower, "##[") || strings.Contains(lower, "##vso[")
}

// checkInert fails when out holds a raw control character (other than the
// newlines between lines), a bidi control, or a line a runner would take as
// a command. own, when set, accepts the github format's own commands.
func checkInert(t *testing.T, name, out string, own func(string) bool) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && (r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029) {
			t.Errorf("%s holds %U raw:\n%q", name, r, out)
			break
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if runnerCommand(line) && (own == nil || !own(line)) {
			t.Errorf("%s line would be a runner command: %q", name, line)
		}
	}
}

// hygieneDir is a scan root holding files, with only the rules named.
func hygieneDir(t *testing.T, files map[string]string) string {
	t.Helper()
	files[".shiplint.yaml"] = "only: [DF001, KS001, syntax-error]\n"
	return project(t, files)
}

func TestHygieneFileNamedLikeCommands(t *testing.T) {
	dir := hygieneDir(t, map[string]string{
		"Dockerfile.a\n::error file=README.md,line=1::FAKE\nz": "FROM alpine:3.20\n",
		"::warning file=x::FAKE/Dockerfile":                    "FROM alpine:3.20\nRUNN \x1b[2J ##[add-mask]FAKE\n",
		"pod\u202e.yaml":                                       hygienePod,
	})
	t.Chdir(dir)

	text := shiplint(t, "", "scan", ".")
	if text.code != 1 {
		t.Fatalf("text: exit %d, want 1\n%s%s", text.code, text.stdout, text.stderr)
	}
	checkInert(t, "text", text.stdout, nil)
	checkInert(t, "stderr", text.stderr, nil)
	for _, want := range []string{
		`\x3a:warning file=x::FAKE/Dockerfile:2: high syntax-error `,
		"      2 | RUNN \\x1b[2J \\x23#[add-mask]FAKE\n",
		`Dockerfile.a\n::error file=README.md,line=1::FAKE\nz:1: high DF001 `,
		`pod\u202e.yaml:10:9: critical KS001 `,
	} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, text.stdout)
		}
	}
	if n := strings.Count(text.stdout, "\n"); n != 10 {
		t.Errorf("%d lines, want 10 (3 findings of 2 lines, 3 blank, the summary):\n%s", n, text.stdout)
	}

	gh := shiplint(t, "", "scan", "-f", "github", ".")
	if gh.code != 1 {
		t.Fatalf("github: exit %d, want 1\n%s%s", gh.code, gh.stdout, gh.stderr)
	}
	own := func(line string) bool {
		return strings.HasPrefix(line, "::error file=") && !strings.Contains(strings.SplitN(line, "::", 3)[1], "\n")
	}
	checkInert(t, "github", gh.stdout, own)
	if n := strings.Count(gh.stdout, "\n::error file="); n != 2 { // the first line has no newline before it
		t.Errorf("%d annotations after the first, want 2 (3 findings):\n%s", n, gh.stdout)
	}
	for _, want := range []string{
		"::error file=Dockerfile.a\\n%3A%3Aerror file=README.md%2Cline=1%3A%3AFAKE\\nz,line=1,",
		"::error file=%3A%3Awarning file=x%3A%3AFAKE/Dockerfile,line=2,",
		"::error file=pod\\u202e.yaml,line=10,",
	} {
		if !strings.Contains(gh.stdout, want) {
			t.Errorf("github output lacks %q:\n%s", want, gh.stdout)
		}
	}
}

func TestHygienePolicyParseErrorOnStderr(t *testing.T) {
	dir := hygieneDir(t, map[string]string{
		"Dockerfile":    "FROM alpine:3.20\n",
		"policy/p.rego": "package x\n\t::error file=x::FAKE {\n",
	})
	o := shiplint(t, "", "scan", "--policy", filepath.Join(dir, "policy"), dir)
	if o.code != 2 {
		t.Fatalf("exit %d, want 2\n%s", o.code, o.stderr)
	}
	checkInert(t, "stderr", o.stderr, nil)
	if !strings.Contains(o.stderr, "p.rego:2: rego_parse_error") || !strings.Contains(o.stderr, "\n    \\x3a:error file=x::FAKE {\n") {
		t.Errorf("stderr does not show the policy line, made safe:\n%s", o.stderr)
	}
}

func TestHygieneConfigErrorsOnStderr(t *testing.T) {
	cases := []struct {
		name, config, want string
		lines              int
	}{
		{"unknown key", "\"\\n::error::FAKE\\e[2J\": true\n", `.shiplint.yaml:1: unknown key "\n::error::FAKE\x1b[2J"`, 1},
		// checks echoes the path raw: the newline splits the error, and
		// the writer around stderr makes each line safe.
		{"policy path", "policies: [\"x\\n::error::FAKE\\t##[add-mask]y\"]\n", "/x\n\\x3a:error::FAKE    \\x23#[add-mask]y: no such file", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := project(t, map[string]string{"Dockerfile": "FROM alpine:3.20\n", ".shiplint.yaml": c.config})
			o := shiplint(t, "", "scan", dir)
			if o.code != 2 {
				t.Fatalf("exit %d, want 2\n%s", o.code, o.stderr)
			}
			checkInert(t, "stderr", o.stderr, nil)
			if !strings.HasPrefix(o.stderr, "shiplint: ") || !strings.Contains(o.stderr, c.want) || strings.Count(o.stderr, "\n") != c.lines {
				t.Errorf("stderr is not %d line(s) holding %q:\n%s", c.lines, c.want, o.stderr)
			}
		})
	}
}

// `shiplint scan h`: urfave/cli took h and help for a help subcommand of
// scan, printed the help and exited 0 without scanning.
func TestHygienePathsNamedLikeHelp(t *testing.T) {
	dir := hygieneDir(t, map[string]string{"h/pod.yaml": hygienePod, "help/pod.yaml": hygienePod, "-weird/pod.yaml": hygienePod})
	t.Chdir(dir)
	for _, args := range [][]string{{"h"}, {"help"}, {"--", "-weird"}, {"-q", "--", "h", "-weird"}} {
		o := shiplint(t, "", append([]string{"scan", "-f", "json"}, args...)...)
		if o.code != 1 {
			t.Errorf("scan %v: exit %d, want 1\n%s%s", args, o.code, o.stdout, o.stderr)
			continue
		}
		for _, p := range args {
			if p != "--" && p != "-q" && !strings.Contains(o.stdout, `"path": "`+p+`/pod.yaml"`) {
				t.Errorf("scan %v: no finding in %s/pod.yaml:\n%s", args, p, o.stdout)
			}
		}
	}
	for _, flag := range []string{"--help", "-h"} {
		o := shiplint(t, "", "scan", flag)
		if o.code != 0 || !strings.HasPrefix(o.stdout, "NAME:\n   shiplint scan - ") {
			t.Errorf("scan %s: exit %d, stdout %q", flag, o.code, o.stdout)
		}
	}
}

func TestHygieneStderrWriterIsFlushed(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no\x1bsuch")
	o := shiplint(t, "", "scan", missing)
	if o.code != 2 || o.stderr != "shiplint: cannot scan "+filepath.Join(dir, `no\x1bsuch`)+": no such file or directory\n" {
		t.Errorf("exit %d, stderr %q", o.code, o.stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Fatal("the path should not exist")
	}
}

// A user policy's metadata comes from a policy directory that may be the
// scanned repository's own; rules and explain print it.
func TestHygieneRuleMetadata(t *testing.T) {
	r := finding.Rule{
		ID: "::error::FAKE", Title: "T\n::error file=x::FAKE\x1b[2J", Severity: finding.High,
		Description: "why\n\t::warning::FAKE\n##[add-mask]x", Remediation: "fix \u202e it",
		Aliases: []string{"A\rB"}, References: []string{"https://x/\n::error::FAKE"},
	}
	got := explain(r)
	want := "\\x3a:error::FAKE: T\\n::error file=x::FAKE\\x1b[2J\n\nSeverity: high\nKind: all\nSame as: A\\rB\n" +
		"\nwhy\n    \\x3a:warning::FAKE\n\\x23#[add-mask]x\n\nFix:\nfix \\u202e it\n\nReferences:\n  https://x/\\n::error::FAKE\n"
	if got != want {
		t.Errorf("explain:\n%s\nwant:\n%s", got, want)
	}
	var table bytes.Buffer
	if err := rulesTable(&table, []finding.Rule{r}); err != nil {
		t.Fatal(err)
	}
	checkInert(t, "rules table", table.String(), nil)
	if n := strings.Count(table.String(), "\n"); n != 2 {
		t.Errorf("rules table has %d lines, want 2:\n%s", n, table.String())
	}
	checkInert(t, "rules markdown", catalogMarkdown([]finding.Rule{r}), nil)
}

// Every finding on a line repeats the line as its snippet: 200 Pods in a
// one-line YAML list (29 KB) gave 3,200 findings and a 93 MB report (2,000
// Pods: 9 GB of text, 23 GB of memory for JSON). Snippets are cut to 1 KiB.
func TestHygieneOneLineManyFindings(t *testing.T) {
	pod := `{apiVersion: v1, kind: Pod, metadata: {name: p%d}, spec: {containers: [{name: c, image: "nginx:1.27", securityContext: {privileged: true}}]}}`
	items := make([]string, 200)
	for i := range items {
		items[i] = fmt.Sprintf(pod, i)
	}
	dir := project(t, map[string]string{
		".shiplint.yaml": "only: [KS001]\n",
		"pods.yaml":      "apiVersion: v1\nkind: List\nitems: [" + strings.Join(items, ", ") + "]\n",
	})
	o := shiplint(t, "", "scan", "-f", "json", dir)
	var out struct {
		Findings []finding.Finding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(o.stdout), &out); err != nil || o.code != 1 {
		t.Fatalf("exit %d, %v\n%s", o.code, err, o.stderr)
	}
	if len(out.Findings) != 200 {
		t.Errorf("%d findings, want 200", len(out.Findings))
	}
	for _, f := range out.Findings {
		if f.Range.StartLine != 3 || len(f.Snippet) != 1024+len("…") || !strings.HasSuffix(f.Snippet, "…") {
			t.Fatalf("finding at line %d with a %d-byte snippet, want line 3 and 1024 bytes and …", f.Range.StartLine, len(f.Snippet))
		}
	}
	if len(o.stdout) > 1<<20 {
		t.Errorf("report is %d bytes", len(o.stdout))
	}
}
