package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// good is a file with a known finding: every resilience case checks that a
// bad file beside it does not lose this finding.
const good = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n    - name: c\n      image: x:1\n      securityContext:\n        privileged: true\n"

type jsonOut struct {
	Findings []struct {
		RuleID  string `json:"ruleId"`
		Path    string `json:"path"`
		Message string `json:"message"`
		Range   struct {
			StartLine int `json:"startLine"`
		} `json:"range"`
	} `json:"findings"`
	Notifications []struct {
		Level   string `json:"level"`
		Message string `json:"message"`
	} `json:"notifications"`
	Summary struct {
		FilesScanned    int `json:"filesScanned"`
		FilesNotScanned int `json:"filesNotScanned"`
	} `json:"summary"`
}

func scanJSON(t *testing.T, dir string, extra ...string) (outcome, jsonOut) {
	t.Helper()
	cfg := filepath.Join(dir, ".shiplint.yaml")
	if _, err := os.Stat(cfg); err != nil {
		os.WriteFile(cfg, []byte("only: [KS001, DF001, syntax-error]\n"), 0o644)
	}
	o := shiplint(t, "", append(append([]string{"scan", "-f", "json", "--config", filepath.Join(dir, ".shiplint.yaml")}, extra...), dir)...)
	var out jsonOut
	if err := json.Unmarshal([]byte(o.stdout), &out); err != nil {
		t.Fatalf("output is not JSON (%v): %s\n%s", err, o.stdout, o.stderr)
	}
	return o, out
}

func hasFinding(out jsonOut, rule, pathSuffix string, line int) bool {
	for _, f := range out.Findings {
		if f.RuleID == rule && strings.HasSuffix(f.Path, pathSuffix) && (line == 0 || f.Range.StartLine == line) {
			return true
		}
	}
	return false
}

func TestBadInputIsReportedAtItsLine(t *testing.T) {
	deep := strings.Repeat("- ", 10000) + "x\n"
	bomb := "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
	cases := []struct {
		name, file, content string
		line                int
	}{
		{"invalid YAML", "bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n", 4},
		{"duplicate keys", "bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n", 5},
		{"tab indentation", "compose.yaml", "services:\n  web:\n\timage: x\n", 3},
		{"unterminated heredoc", "Dockerfile", "FROM alpine:3.20\nRUN <<EOF\necho hi\n", 2},
		{"unknown instruction", "Dockerfile", "FROM alpine:3.20\nUSER 1000\nRUNN echo\n", 3},
		{"unknown flag", "Dockerfile", "FROM alpine:3.20\nUSER 1000\nCOPY --frm=build /a /b\n", 3},
		{"alias bomb", "compose.yaml", bomb, 0},
		{"deep nesting", "compose.yaml", "services:\n  x: " + deep, 0},
		{"binary Dockerfile", "Dockerfile", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00\x01\x00\x00\x00", 1},
		{"invalid UTF-8 YAML", "bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \xff\xfe\n", 4},
		{"extends cycle", "compose.yaml", "services:\n  a:\n    image: x\n    extends: b\n  b:\n    extends: a\n", 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := project(t, map[string]string{"ok.yaml": good, c.file: c.content})
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			o, out := scanJSON(t, dir)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if o.code != 1 {
				t.Errorf("exit %d, want 1 (findings)", o.code)
			}
			if !hasFinding(out, "syntax-error", c.file, c.line) {
				t.Errorf("no syntax-error in %s at line %d: %+v", c.file, c.line, out.Findings)
			}
			if !hasFinding(out, "KS001", "ok.yaml", 10) {
				t.Errorf("the good file's finding is missing: %+v", out.Findings)
			}
			if grown := after.TotalAlloc - before.TotalAlloc; grown > 1<<30 {
				t.Errorf("allocated %d MiB scanning two small files", grown>>20)
			}
		})
	}
}

func TestOddButValidFiles(t *testing.T) {
	cases := []struct {
		name, file, content string
		rule                string
		line                int
	}{
		{"BOM and CRLF", "pod.yaml", "\ufeffapiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n    - name: c\r\n      image: x:1\r\n      securityContext: {privileged: true}\r\n", "KS001", 9},
		{"empty Dockerfile", "Dockerfile", "", "", 0},
		{"comment-only Dockerfile", "Dockerfile", "# nothing here yet\n", "", 0},
		{"empty compose", "compose.yaml", "", "", 0},
		{"comment-only compose", "compose.yaml", "# services: {}\n", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := project(t, map[string]string{"ok.yaml": good, c.file: c.content})
			_, out := scanJSON(t, dir)
			for _, f := range out.Findings {
				if strings.HasSuffix(f.Path, c.file) && f.RuleID != c.rule {
					t.Errorf("unexpected %s at %d: %s", f.RuleID, f.Range.StartLine, f.Message)
				}
			}
			if c.rule != "" && !hasFinding(out, c.rule, c.file, c.line) {
				t.Errorf("want %s at line %d: %+v", c.rule, c.line, out.Findings)
			}
			if !hasFinding(out, "KS001", "ok.yaml", 10) {
				t.Errorf("the good file's finding is missing")
			}
		})
	}
}

func TestLargeInputs(t *testing.T) {
	var b strings.Builder
	b.WriteString("FROM alpine:3.20\n")
	for range 100000 {
		b.WriteString("RUN echo line\n")
	}
	huge := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {blob: \"" + strings.Repeat("x", 10<<20) + "\"}\n"
	dir := project(t, map[string]string{"ok.yaml": good, "Dockerfile": b.String(), "big.yaml": huge,
		".shiplint.yaml": "only: [KS001, DF001, syntax-error, file-not-scanned]\n"})
	o, out := scanJSON(t, dir)
	if !hasFinding(out, "DF001", "Dockerfile", 1) || !hasFinding(out, "KS001", "ok.yaml", 10) {
		t.Errorf("findings missing: %+v", out.Findings)
	}
	// A file over the limit is a finding (a gate sees it), not a warning.
	if !hasFinding(out, "file-not-scanned", "big.yaml", 1) || len(out.Notifications) != 0 {
		t.Errorf("findings %+v, notifications %+v", out.Findings, out.Notifications)
	}
	if o.code != 1 {
		t.Errorf("exit %d: a file over the limit is a finding, not a failed run", o.code)
	}
	// With a higher limit the 10 MB single line is scanned.
	_, out = scanJSON(t, dir, "--max-file-size", "20000000")
	if len(out.Notifications) != 0 || hasFinding(out, "file-not-scanned", "", 0) {
		t.Errorf("notifications %+v, findings %+v", out.Notifications, out.Findings)
	}
}

// Thousands of stages: the stage-name rules used to compare every stage
// with every other and ran out of their evaluation deadline.
func TestManyStages(t *testing.T) {
	var b strings.Builder
	b.WriteString("FROM s10 AS early\n") // DF046: names a later stage
	for i := range 3000 {
		fmt.Fprintf(&b, "FROM alpine:3.20 AS s%d\nCOPY --from=s%d /a /b\n", i, max(0, i-1))
	}
	b.WriteString("FROM alpine:3.20 AS s7\nCOPY --from=nowhere /a /b\n") // lines 6002, 6003
	dir := project(t, map[string]string{"Dockerfile": b.String(), ".shiplint.yaml": "only: [DF043, DF045, DF046]\n"})
	_, out := scanJSON(t, dir)
	if len(out.Notifications) != 0 {
		t.Fatalf("notifications %+v", out.Notifications)
	}
	if len(out.Findings) != 3 || !hasFinding(out, "DF046", "Dockerfile", 1) ||
		!hasFinding(out, "DF043", "Dockerfile", 6002) || !hasFinding(out, "DF045", "Dockerfile", 6003) {
		t.Errorf("findings %+v", out.Findings)
	}
}

func TestFileSystemOddities(t *testing.T) {
	dir := project(t, map[string]string{"ok.yaml": good, "sub/Dockerfile": "FROM alpine:3.20\n"})
	os.Symlink(dir, filepath.Join(dir, "sub", "loop"))
	os.Symlink("missing", filepath.Join(dir, "Dockerfile.gone"))
	os.WriteFile(filepath.Join(dir, ".shiplint.yaml"), []byte("only: [KS001, DF001, syntax-error, file-not-scanned]\n"), 0o644)
	weird := filepath.Join(dir, "caf\xe9", "Dockerfile")
	if err := os.MkdirAll(filepath.Dir(weird), 0o755); err == nil {
		os.WriteFile(weird, []byte("FROM alpine:3.20\n"), 0o644)
	}
	o, out := scanJSON(t, dir)
	if o.code != 1 {
		t.Errorf("exit %d", o.code)
	}
	if !hasFinding(out, "DF001", "sub/Dockerfile", 1) || !hasFinding(out, "KS001", "ok.yaml", 10) {
		t.Errorf("findings missing: %+v", out.Findings)
	}
	if !hasFinding(out, "DF001", "caf\ufffd/Dockerfile", 1) {
		t.Errorf("file under a non-UTF-8 directory name not scanned: %+v", out.Findings)
	}
	// A broken symlink is not a silent pass.
	if len(out.Notifications) != 0 || !hasFinding(out, "file-not-scanned", "Dockerfile.gone", 1) {
		t.Errorf("notifications %+v, findings %+v", out.Notifications, out.Findings)
	}
}

// slowPolicy is a user rule that explodes combinatorially on any resource.
const slowPolicy = `# METADATA
# title: Explodes
# custom:
#   id: SLOW1
#   severity: low
package shiplint.kubernetes.slow

deny contains "never" if {
	some a in numbers.range(1, 100000)
	some b in numbers.range(1, 100000)
	a + b < 0
}
`

func TestRunawayPolicyIsNamed(t *testing.T) {
	policy := project(t, map[string]string{"slow.rego": slowPolicy})
	dir := project(t, map[string]string{"ok.yaml": good, ".shiplint.yaml": "only: [KS001, SLOW1]\n"})
	o, out := scanJSON(t, dir, "--policy", policy, "--eval-timeout", "300ms")
	failedRuleReported(t, o, out, "ok.yaml: rule SLOW1 (", "slow.rego) did not finish within 300ms")
}

// failedRuleReported checks a scan of ok.yaml (the good file) in which one
// user rule failed: exit 2, one notification holding each of want, and the
// built-in rules' finding kept.
func failedRuleReported(t *testing.T, o outcome, out jsonOut, want ...string) {
	t.Helper()
	if o.code != 2 {
		t.Errorf("exit %d, want 2 (an evaluation failed)", o.code)
	}
	ok := len(out.Notifications) == 1
	for _, w := range want {
		ok = ok && strings.Contains(out.Notifications[0].Message, w)
	}
	if !ok {
		t.Errorf("notifications %+v", out.Notifications)
	}
	if !hasFinding(out, "KS001", "ok.yaml", 10) {
		t.Errorf("other rules' findings lost: %+v", out.Findings)
	}
}

// An extends file that is not there may be generated before Compose runs:
// a warning at the extends line, not a finding, and the service is still
// checked with what it says itself.
func TestMissingExtendsFileIsAWarning(t *testing.T) {
	dir := project(t, map[string]string{
		"compose.yaml":   "services:\n  web:\n    extends: {file: generated.yml, service: base}\n    image: nginx:1.27\n    privileged: true\n",
		".shiplint.yaml": "only: [DC001, syntax-error]\n",
	})
	o, out := scanJSON(t, dir)
	if o.code != 1 {
		t.Errorf("exit %d, want 1 (findings, no error)", o.code)
	}
	if len(out.Notifications) != 1 || out.Notifications[0].Level != "warning" || !strings.HasSuffix(out.Notifications[0].Message, `compose.yaml:3: service web extends "base" from generated.yml, which cannot be read as a Compose file; the service is checked without what it would inherit`) {
		t.Errorf("notifications %+v", out.Notifications)
	}
	if !hasFinding(out, "DC001", "compose.yaml", 5) || hasFinding(out, "syntax-error", "compose.yaml", 0) {
		t.Errorf("findings %+v", out.Findings)
	}
}

// A user rule that runs past its deadline on two documents is left out of
// the rest of the scan, with one notification that says so and counts what
// was not checked with it; every other rule still runs everywhere.
func TestRunawayPolicyIsStopped(t *testing.T) {
	policy := project(t, map[string]string{"slow.rego": slowPolicy})
	files := map[string]string{".shiplint.yaml": "only: [KS001, SLOW1]\n"}
	for i := range 5 {
		files[fmt.Sprintf("p%d.yaml", i)] = good
	}
	dir := project(t, files)
	prev := runtime.GOMAXPROCS(1) // one worker: which documents come first is fixed
	o, out := scanJSON(t, dir, "--policy", policy, "--eval-timeout", "200ms")
	runtime.GOMAXPROCS(prev)
	if o.code != 2 {
		t.Errorf("exit %d, want 2 (an evaluation failed)", o.code)
	}
	var late, stopped int
	for _, n := range out.Notifications {
		switch {
		case strings.Contains(n.Message, "rule SLOW1 (") && strings.Contains(n.Message, "did not finish within 200ms"):
			late++
		case strings.HasPrefix(n.Message, "rule SLOW1 (") && strings.HasSuffix(n.Message, "slow.rego) ran past its deadline or the memory limit on 2 documents and was left out of the rest of the scan: 3 more documents were not checked with it"):
			stopped++
		default:
			t.Errorf("unexpected notification %+v", n)
		}
	}
	if late != 2 || stopped != 1 {
		t.Errorf("%d deadline notifications (want 2), %d stop notifications (want 1): %+v", late, stopped, out.Notifications)
	}
	for i := range 5 {
		if !hasFinding(out, "KS001", fmt.Sprintf("p%d.yaml", i), 10) {
			t.Errorf("KS001 missing in p%d.yaml: %+v", i, out.Findings)
		}
	}
}

// TestDeterministicOutput scans the same tree with one core and with all
// of them: every format must match byte for byte.
func TestDeterministicOutput(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif", "github", "junit", "gitlab"} {
		prev := runtime.GOMAXPROCS(1)
		one := shiplint(t, "", "scan", "-f", format, "testdata")
		runtime.GOMAXPROCS(prev)
		all := shiplint(t, "", "scan", "-f", format, "testdata")
		if one.stdout != all.stdout || one.code != all.code {
			t.Errorf("%s output differs between GOMAXPROCS=1 and %d", format, prev)
		}
		if again := shiplint(t, "", "scan", "-f", format, "testdata"); again.stdout != all.stdout {
			t.Errorf("%s output differs between two runs", format)
		}
	}
}
