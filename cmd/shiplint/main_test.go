package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Tests run from the repository root so paths in output read as a user
// running shiplint there would see them.
func TestMain(m *testing.M) {
	version = "v0.0.0-test"
	if os.Getenv(asCLI) == "1" {
		// Re-executed by a hostile-input test: be shiplint itself, in a
		// process of its own, so its peak memory can be measured and an
		// out-of-memory crash cannot take the test binary down.
		tuneGC()
		code := run(context.Background(), append([]string{"shiplint"}, os.Args[1:]...), os.Stdin, os.Stdout, os.Stderr)
		writePeakMemory(os.Getenv(asCLIPeak))
		os.Exit(code)
	}
	if err := os.Chdir("../.."); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

type outcome struct {
	code           int
	stdout, stderr string
}

func shiplint(t *testing.T, stdin string, args ...string) outcome {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), append([]string{"shiplint"}, args...), strings.NewReader(stdin), &out, &errOut)
	return outcome{code, out.String(), errOut.String()}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/shiplint -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/shiplint -update rewrites it after review):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestScanExamplesEveryFormat(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			o := shiplint(t, "", "scan", "--format", format, "testdata/examples")
			if o.code != 1 {
				t.Fatalf("exit %d, want 1; stderr: %s", o.code, o.stderr)
			}
			golden(t, "examples."+format, withoutRoot(o.stdout))
		})
	}
}

func TestScanCleanExitsZero(t *testing.T) {
	o := shiplint(t, "", "scan", "testdata/examples/clean")
	if o.code != 0 {
		t.Fatalf("exit %d, want 0\n%s%s", o.code, o.stdout, o.stderr)
	}
	if want := "0 findings in 2 files scanned\n"; o.stdout != want {
		t.Errorf("stdout %q, want %q", o.stdout, want)
	}
}

func TestFailOnThreshold(t *testing.T) {
	// examples has critical findings: --fail-on critical still fails.
	if o := shiplint(t, "", "scan", "-q", "--fail-on", "critical", "testdata/examples"); o.code != 1 {
		t.Errorf("--fail-on critical: exit %d, want 1", o.code)
	}
	// Only a medium finding (untagged base) in this input: high passes.
	src := "FROM alpine\nUSER 1000\n"
	if o := shiplint(t, src, "scan", "--fail-on", "high", "--kind", "dockerfile", "-"); o.code != 0 {
		t.Errorf("--fail-on high: exit %d, want 0\n%s", o.code, o.stdout)
	}
	if o := shiplint(t, src, "scan", "--fail-on", "medium", "--kind", "dockerfile", "-"); o.code != 1 {
		t.Errorf("--fail-on medium: exit %d, want 1", o.code)
	}
}

func TestScanStdin(t *testing.T) {
	o := shiplint(t, "FROM ubuntu:latest\nUSER app\n", "scan", "-q", "--kind", "dockerfile", "-")
	want := "stdin:1: medium DF002 Base image \"ubuntu:latest\" uses the mutable tag \"latest\": pin a version\n      1 | FROM ubuntu:latest\n"
	if o.code != 1 || o.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s", o.code, o.stdout, want)
	}
}

func TestStdinNeedsKind(t *testing.T) {
	o := shiplint(t, "FROM x\n", "scan", "-")
	if o.code != 2 || !strings.Contains(o.stderr, "--kind") {
		t.Errorf("exit %d, stderr %q", o.code, o.stderr)
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	o := shiplint(t, "", "scan", "--format", "json", "--output", out, "testdata/examples")
	if o.code != 1 || o.stdout != "" {
		t.Fatalf("exit %d, stdout %q", o.code, o.stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "examples.json", string(b))
}

func TestRunErrorsExitTwo(t *testing.T) {
	badPolicy := t.TempDir()
	os.WriteFile(filepath.Join(badPolicy, "broken.rego"), []byte("package shiplint.dockerfile.broken\n\ndeny contains x if {\n"), 0o644)
	noMeta := t.TempDir()
	os.WriteFile(filepath.Join(noMeta, "nometa.rego"), []byte("package shiplint.dockerfile.nometa\n\ndeny contains \"x\" if true\n"), 0o644)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"missing path", []string{"scan", "no/such/dir"}, "shiplint: cannot scan no/such/dir: no such file or directory\n"},
		{"bad format", []string{"scan", "--format", "xml", "testdata/examples"}, "shiplint: --format \"xml\": want one of text, json, sarif, github, junit, gitlab\n"},
		{"bad fail-on", []string{"scan", "--fail-on", "severe", "testdata/examples"}, "shiplint: --fail-on: unknown severity \"severe\" (want critical, high, medium, low or info)\n"},
		{"missing policy dir", []string{"scan", "--policy", "no/such/policy", "testdata/examples"}, "shiplint: policy directory no/such/policy: no such file or directory\n"},
		{"unknown flag", []string{"scan", "--nope"}, "shiplint: flag provided but not defined: -nope (see shiplint scan --help)\n"},
		{"unknown rule", []string{"explain", "XX999"}, "shiplint: no rule has the ID or alias \"XX999\" (shiplint rules lists them)\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := shiplint(t, "", c.args...)
			if o.code != 2 {
				t.Errorf("exit %d, want 2", o.code)
			}
			if !strings.HasSuffix(o.stderr, c.want) {
				t.Errorf("stderr %q, want it to end with %q", o.stderr, c.want)
			}
		})
	}
	t.Run("broken policy", func(t *testing.T) {
		o := shiplint(t, "", "scan", "--policy", badPolicy, "testdata/examples")
		if o.code != 2 || !strings.Contains(o.stderr, "broken.rego:") {
			t.Errorf("exit %d, stderr %q", o.code, o.stderr)
		}
	})
	t.Run("policy without metadata", func(t *testing.T) {
		o := shiplint(t, "", "scan", "--policy", noMeta, "testdata/examples")
		if o.code != 2 || !strings.Contains(o.stderr, "nometa.rego:1: rule package shiplint.dockerfile.nometa: no METADATA block") {
			t.Errorf("exit %d, stderr %q", o.code, o.stderr)
		}
	})
}

func TestCustomPolicy(t *testing.T) {
	dir := t.TempDir()
	policy := `# METADATA
# title: Images come from our registry
# custom:
#   id: ORG001
#   severity: high
package shiplint.kubernetes.our_registry

deny contains {"msg": sprintf("image %q is not from registry.example.com", [c.image]), "path": ["containers", i, "image"]} if {
	some i, c in input.containers
	not startswith(c.image, "registry.example.com/")
}
`
	os.WriteFile(filepath.Join(dir, "registry.rego"), []byte(policy), 0o644)
	work := project(t, map[string]string{
		".shiplint.yaml": "only: [ORG001]\n",
		"pod.yaml":       "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: example/app:1.0\n    - name: ok\n      image: registry.example.com/app:1.0\n",
	})
	o := shiplint(t, "", "scan", "-q", "--policy", dir, "--config", filepath.Join(work, ".shiplint.yaml"), filepath.Join(work, "pod.yaml"))
	want := ":8:7: high ORG001 image \"example/app:1.0\" is not from registry.example.com\n      8 |       image: example/app:1.0\n"
	if o.code != 1 || !strings.HasSuffix(o.stdout, want) || strings.Count(o.stdout, "ORG001") != 1 {
		t.Errorf("exit %d stderr %s stdout:\n%s\nwant it to end with:\n%s", o.code, o.stderr, o.stdout, want)
	}
}

func TestRulesAndExplain(t *testing.T) {
	o := shiplint(t, "", "rules")
	if o.code != 0 {
		t.Fatalf("exit %d: %s", o.code, o.stderr)
	}
	for _, id := range []string{"DF001", "DC001", "KS001", "syntax-error"} {
		if !strings.Contains(o.stdout, "\n"+id+" ") {
			t.Errorf("rules output lacks %s:\n%s", id, o.stdout)
		}
	}
	o = shiplint(t, "", "explain", "KS001")
	for _, want := range []string{"KS001: Container runs privileged\n", "Severity: critical\n", "Frameworks: cis-k8s 5.2.1, pss baseline\n", "Applies to: workload\n", "Fix:\n", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"} {
		if !strings.Contains(o.stdout, want) {
			t.Errorf("explain output lacks %q:\n%s", want, o.stdout)
		}
	}
	if o := shiplint(t, "", "version"); o.stdout != "shiplint v0.0.0-test\n" {
		t.Errorf("version: %q", o.stdout)
	}
}

// withoutRoot replaces the repository root's file URI, which SARIF gives
// as %SRCROOT% in originalUriBaseIds, so the golden file holds no
// machine-specific path.
func withoutRoot(s string) string {
	_, repo := roots()
	return strings.ReplaceAll(s, `"file://`+repo+`/"`, `"file:///REPO/"`)
}

// TestSARIFValidator runs Microsoft's SARIF validator, with GitHub code
// scanning's ingestion rules, over the SARIF for all of testdata.
func TestSARIFValidator(t *testing.T) {
	tool, err := multitool()
	if err != nil {
		t.Skipf("SARIF validator not installed (%v); .ci/run installs it with npm", err)
	}
	dir := t.TempDir()
	sarifPath := filepath.Join(dir, "testdata.sarif")
	o := shiplint(t, "", "scan", "--format", "sarif", "--output", sarifPath, "testdata")
	if o.code != 1 {
		t.Fatalf("scan exit %d: %s", o.code, o.stderr)
	}
	validateSARIF(t, tool, sarifPath)
}

// multitool is Microsoft's SARIF validator: $SHIPLINT_SARIF_MULTITOOL, or
// where .ci/run installs it.
func multitool() (string, error) {
	tool := os.Getenv("SHIPLINT_SARIF_MULTITOOL")
	if tool == "" {
		tool = ".ci/tools/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
	}
	_, err := os.Stat(tool)
	return tool, err
}

// validateSARIF runs the validator over a SARIF file and fails on any error.
func validateSARIF(t *testing.T, tool, sarifPath string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "validation.sarif")
	// The SARIF for every fixture is over the validator's default 10 MB.
	cmd := exec.Command(tool, "validate", "--rule-kind", "Gh;Sarif", "--max-file-size-in-kb", "102400", "--output", out, sarifPath)
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	b, err := cmd.CombinedOutput()
	if err != nil || strings.Contains(string(b), ": error ") || !strings.Contains(string(b), "Analysis completed successfully") {
		t.Fatalf("validator failed (%v):\n%s", err, b)
	}
	t.Logf("validator: %s", lastLines(string(b), 3))
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// TestRuleCatalogIsCurrent fails when docs/rules.md no longer matches the
// rule metadata: regenerate it with
// go run ./cmd/shiplint rules --format markdown > docs/rules.md
func TestRuleCatalogIsCurrent(t *testing.T) {
	o := shiplint(t, "", "rules", "--format", "markdown")
	if o.code != 0 {
		t.Fatalf("exit %d: %s", o.code, o.stderr)
	}
	if *update {
		os.WriteFile("docs/rules.md", []byte(o.stdout), 0o644)
	}
	want, err := os.ReadFile("docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	if o.stdout != string(want) {
		t.Error("docs/rules.md is stale: run go run ./cmd/shiplint rules --format markdown > docs/rules.md")
	}
}

func TestPolicyTestCommand(t *testing.T) {
	o := shiplint(t, "", "test", "examples/policies")
	want := "ok   ORG001: 2 fixture files, 2 expected findings\nok   ORG002: 2 fixture files, 1 expected findings\n8 passed, 0 failed\n"
	if o.code != 0 || o.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s%s", o.code, o.stdout, want, o.stderr)
	}
	broken := project(t, map[string]string{
		"r.rego":                      "# METADATA\n# title: t\n# custom:\n#   id: X1\n#   severity: low\npackage shiplint.dockerfile.x\n\ndeny contains \"always\" if true\n",
		"r_test.rego":                 "package shiplint.dockerfile.x_test\n\nimport data.shiplint.dockerfile.x\n\ntest_quiet if count(x.deny) == 0\n",
		"testdata/X1/good.Dockerfile": "FROM scratch\n",
	})
	o = shiplint(t, "", "test", broken)
	for _, w := range []string{"FAIL " + filepath.ToSlash(broken) + "/r_test.rego:5: test_quiet", "unexpected X1: always", "no fixture expects X1 to fire", "0 passed, 2 failed"} {
		if !strings.Contains(o.stdout, strings.TrimPrefix(w, "/")) {
			t.Errorf("output lacks %q:\n%s", w, o.stdout)
		}
	}
	if o.code != 1 {
		t.Errorf("exit %d, want 1", o.code)
	}
}

func TestFrameworkFlag(t *testing.T) {
	// Only PSS rules run: the Compose file yields nothing, the Pod's
	// privileged container (Baseline) is reported under pss-restricted too.
	dir := project(t, map[string]string{
		"compose.yaml": "services:\n  a:\n    image: x\n    privileged: true\n",
		"pod.yaml":     "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x:1\n      securityContext:\n        privileged: true\n",
	})
	o := shiplint(t, "", "scan", "-q", "-f", "json", "--framework", "pss-restricted", dir)
	if strings.Contains(o.stdout, `"kind": "compose"`) || !strings.Contains(o.stdout, `"ruleId": "KS001"`) {
		t.Errorf("pss-restricted:\n%s", o.stdout)
	}
	o = shiplint(t, "", "scan", "--framework", "nope", dir)
	if o.code != 2 || !strings.Contains(o.stderr, `unknown framework "nope"`) {
		t.Errorf("unknown framework: exit %d %s", o.code, o.stderr)
	}
}

// TestPSSRestricted is issue 4's acceptance check: a Deployment that meets
// the Restricted Pod Security Standard passes, and one that breaks every
// control gets each control reported at its line.
func TestPSSRestricted(t *testing.T) {
	o := shiplint(t, "", "scan", "--framework", "pss-restricted", "testdata/rules/KS001/good-restricted.yaml")
	if o.code != 0 {
		t.Errorf("good: exit %d\n%s", o.code, o.stdout)
	}
	o = shiplint(t, "", "scan", "-q", "-f", "json", "--framework", "pss-restricted", "testdata/rules/KS001/bad-every-control.yaml")
	var out jsonOut
	if err := json.Unmarshal([]byte(o.stdout), &out); err != nil || o.code != 1 {
		t.Fatalf("exit %d: %v", o.code, err)
	}
	got := map[string]int{}
	for _, f := range out.Findings {
		got[f.RuleID]++
	}
	// Seccomp is one control: Unconfined is reported by KS013 (Baseline),
	// so KS018 (Restricted: profile not set) stays quiet. Capabilities is
	// reported for the missing drop ALL and for the capability it adds.
	want := map[string]int{"KS001": 1, "KS002": 1, "KS003": 1, "KS004": 1, "KS005": 1, "KS006": 1, "KS007": 1, "KS008": 1, "KS009": 1,
		"KS010": 1, "KS011": 1, "KS012": 1, "KS013": 1, "KS014": 1, "KS015": 1, "KS016": 1, "KS017": 1, "KS019": 2,
		"KS084": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings per rule %v\nwant %v", got, want)
	}
}

// TestCISControlPlane: --framework cis-k8s selects the kube-apiserver rules
// (CIS 1.2.x). kubeadm's default manifest fails exactly the checks kube-bench
// reports for it (anonymous auth, kubelet CA, admission plugins, profiling,
// audit, encryption at rest); cis-k8s-1.2.6 selects the one rule for 1.2.6.
func TestCISControlPlane(t *testing.T) {
	o := shiplint(t, "", "scan", "-q", "-f", "json", "--framework", "cis-k8s", "testdata/cis/kube-apiserver-kubeadm-default.yaml")
	var out jsonOut
	if err := json.Unmarshal([]byte(o.stdout), &out); err != nil || o.code != 1 {
		t.Fatalf("exit %d: %v", o.code, err)
	}
	got := map[string]int{}
	for _, f := range out.Findings {
		if f.RuleID >= "KS090" && f.RuleID <= "KS114" {
			got[f.RuleID]++
		}
	}
	want := map[string]int{"KS090": 1, "KS092": 1, "KS094": 1, "KS098": 1, "KS100": 1, "KS103": 1, "KS104": 1, "KS105": 1, "KS112": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("control-plane findings per rule %v\nwant %v", got, want)
	}
	o = shiplint(t, "", "scan", "-q", "-f", "json", "--framework", "cis-k8s-1.2.6", "testdata/rules/KS095/bad.yaml")
	out = jsonOut{}
	if err := json.Unmarshal([]byte(o.stdout), &out); err != nil || o.code != 1 {
		t.Fatalf("cis-k8s-1.2.6: exit %d: %v", o.code, err)
	}
	for _, f := range out.Findings {
		if f.RuleID != "KS095" {
			t.Errorf("cis-k8s-1.2.6 reported %s", f.RuleID)
		}
	}
	if len(out.Findings) != 6 {
		t.Errorf("cis-k8s-1.2.6: %d findings, want the 6 of the fixture", len(out.Findings))
	}
}
