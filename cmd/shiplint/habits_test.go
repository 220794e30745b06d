package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The command-line habits people bring from Trivy, Checkov and
// kube-linter: flags after paths, did-you-mean, explain by alias, and
// filters without a config file.

func TestFlagsFirstArgv(t *testing.T) {
	app := newApp(nil, nil, nil)
	for _, c := range []struct{ in, want string }{
		{"scan . -f json", "scan -f json -- ."},
		{"scan -f json .", "scan -f json -- ."},
		{"scan . --fail-on high -f sarif", "scan --fail-on high -f sarif -- ."},
		{"scan a --format=json b -q c", "scan --format=json -q -- a b c"},
		{"scan -- -weird-file-name", "scan -- -weird-file-name"},
		{"scan . -- -f json", "scan -- . -f json"},
		{"scan - --kind dockerfile", "scan --kind dockerfile -- -"},
		{"scan . --policy p1 b --policy=p2", "scan --policy p1 --policy=p2 -- . b"},
		{"scan . --nope json", "scan --nope -- . json"},
		{"scan . --fail-on", "scan --fail-on"},
		{"scan --max-file-size -1 .", "scan --max-file-size -1 -- ."},
		{"scan -h .", "scan -h -- ."},
		{"scan", "scan"},
		{"--version", "--version"},
		{"explain ks016 --policy p", "explain --policy p -- ks016"},
		{"lsp --deadline 2s", "lsp --deadline 2s"},
		{"rules -f json --framework cis-k8s", "rules -f json --framework cis-k8s"},
		{"ls", ""}, // not a command: an error (below)
	} {
		args := append([]string{"shiplint"}, strings.Fields(c.in)...)
		got, err := flagsFirst(app, args)
		if c.in == "ls" {
			if err == nil || err.Error() != `unknown command "ls". Did you mean "lsp"? (shiplint --help lists the commands)` {
				t.Errorf("%s: err %v", c.in, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if g := strings.Join(got[1:], " "); g != c.want {
			t.Errorf("%s: got %q, want %q", c.in, g, c.want)
		}
	}
}

func TestFlagsAfterPaths(t *testing.T) {
	want, err := os.ReadFile("testdata/golden/examples.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"scan", "testdata/examples", "-f", "json"},
		{"scan", "-f", "json", "testdata/examples"},
		{"scan", "testdata/examples", "--format=json"},
		{"scan", "testdata/examples", "--fail-on", "high", "-f", "json"},
	} {
		o := shiplint(t, "", args...)
		if o.code != 1 || o.stdout != string(want) || o.stderr != "" {
			t.Errorf("%q: exit %d, stderr %q, stdout is the golden JSON: %v", args, o.code, o.stderr, o.stdout == string(want))
		}
	}
	// --fail-on after the path is read: the example Dockerfile's worst
	// findings are high, so critical passes and high fails.
	if o := shiplint(t, "", "scan", "testdata/examples/Dockerfile", "-q", "--fail-on", "critical"); o.code != 0 {
		t.Errorf("--fail-on critical after the path: exit %d, want 0; stderr %s", o.code, o.stderr)
	}
	if o := shiplint(t, "", "scan", "testdata/examples/Dockerfile", "-q", "--fail-on", "high"); o.code != 1 {
		t.Errorf("--fail-on high after the path: exit %d, want 1; stderr %s", o.code, o.stderr)
	}
	sarif := shiplint(t, "", "scan", "testdata/examples", "--fail-on", "high", "-f", "sarif")
	if golden, _ := os.ReadFile("testdata/golden/examples.sarif"); sarif.code != 1 || withoutRoot(sarif.stdout) != string(golden) {
		t.Errorf("scan PATH --fail-on high -f sarif: exit %d, stdout is the golden SARIF: %v; stderr %s", sarif.code, withoutRoot(sarif.stdout) == string(golden), sarif.stderr)
	}
}

func TestFlagsAfterPathsUnknownFlag(t *testing.T) {
	const want = "shiplint: flag provided but not defined: -nope (see shiplint scan --help)\n"
	for _, args := range [][]string{{"scan", "--nope", "testdata/examples"}, {"scan", "testdata/examples", "--nope"}} {
		if o := shiplint(t, "", args...); o.code != 2 || o.stderr != want || o.stdout != "" {
			t.Errorf("%q: exit %d, stderr %q, want %q", args, o.code, o.stderr, want)
		}
	}
	o := shiplint(t, "", "scan", "testdata/examples", "--fail-on")
	if want := "shiplint: flag needs an argument: -fail-on (see shiplint scan --help)\n"; o.code != 2 || o.stderr != want {
		t.Errorf("dangling --fail-on: exit %d, stderr %q, want %q", o.code, o.stderr, want)
	}
}

func TestDoubleDashEndsFlags(t *testing.T) {
	o := shiplint(t, "", "scan", "--", "-weird-file-name")
	if want := "shiplint: cannot scan -weird-file-name: no such file or directory\n"; o.code != 2 || o.stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", o.code, o.stderr, want)
	}
	// A file whose name starts with '-' is scanned when it follows --,
	// with flags before and after the paths.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "-weird.Dockerfile"), []byte("FROM debian:12\n"), 0o644)
	t.Chdir(dir)
	o = shiplint(t, "", "scan", "-q", "--rule", "DF001", "--", "-weird.Dockerfile")
	want := "-weird.Dockerfile:1: high DF001 The final stage sets no USER, so the container runs as root; add a non-root USER\n      1 | FROM debian:12\n"
	if o.code != 1 || o.stdout != want {
		t.Errorf("exit %d stderr %q stdout:\n%s\nwant:\n%s", o.code, o.stderr, o.stdout, want)
	}
	if o2 := shiplint(t, "", "scan", "--", "-weird.Dockerfile", "-q", "--rule", "DF001"); o2.code != 2 || !strings.Contains(o2.stderr, "cannot scan -q") {
		t.Errorf("after --, -q is a path: exit %d stderr %q", o2.code, o2.stderr)
	}
}

func TestStdinDashAmongFlags(t *testing.T) {
	o := shiplint(t, "FROM debian:12\n", "scan", "-", "--kind", "dockerfile", "-q", "--rule", "DF001")
	want := "stdin:1: high DF001 The final stage sets no USER, so the container runs as root; add a non-root USER\n      1 | FROM debian:12\n"
	if o.code != 1 || o.stdout != want {
		t.Errorf("exit %d stderr %q stdout:\n%s\nwant:\n%s", o.code, o.stderr, o.stdout, want)
	}
}

func TestPolicyAfterPaths(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "registry.rego"), []byte(`# METADATA
# title: Images come from our registry
# custom:
#   id: ORG001
#   severity: high
#   aliases: [OTHER-7]
package shiplint.kubernetes.our_registry

deny contains {"msg": sprintf("image %q is not from registry.example.com", [c.image]), "path": ["containers", i, "image"]} if {
	some i, c in input.containers
	not startswith(c.image, "registry.example.com/")
}
`), 0o644)
	work := project(t, map[string]string{
		"pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: example/app:1.0\n",
	})
	o := shiplint(t, "", "scan", filepath.Join(work, "pod.yaml"), "--policy", dir, "-q", "--rule", "org001")
	want := filepath.ToSlash(filepath.Join(work, "pod.yaml")) + ":8:7: high ORG001 image \"example/app:1.0\" is not from registry.example.com\n      8 |       image: example/app:1.0\n"
	if o.code != 1 || o.stdout != want {
		t.Errorf("exit %d stderr %q stdout:\n%s\nwant:\n%s", o.code, o.stderr, o.stdout, want)
	}
	// explain, with the policy after the name, by the policy's alias.
	o = shiplint(t, "", "explain", "other-7", "--policy", dir)
	if !strings.HasPrefix(o.stdout, "ORG001: Images come from our registry\n") || o.code != 0 {
		t.Errorf("explain other-7 --policy: exit %d stderr %q stdout %q", o.code, o.stderr, o.stdout)
	}
}

func TestDidYouMean(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"scna"}, "shiplint: unknown command \"scna\". Did you mean \"scan\"? (shiplint --help lists the commands)\n"},
		{[]string{"explian", "KS001"}, "shiplint: unknown command \"explian\". Did you mean \"explain\"? (shiplint --help lists the commands)\n"},
		{[]string{"deploy"}, "shiplint: unknown command \"deploy\" (shiplint --help lists the commands)\n"},
		{[]string{"scan", "--formt", "json"}, "shiplint: flag provided but not defined: -formt. Did you mean \"--format\"? (see shiplint scan --help)\n"},
		{[]string{"scan", "testdata/examples", "--formt", "json"}, "shiplint: flag provided but not defined: -formt. Did you mean \"--format\"? (see shiplint scan --help)\n"},
		{[]string{"scan", "--skip-rules", "DF001"}, "shiplint: flag provided but not defined: -skip-rules. Did you mean \"--skip-rule\"? (see shiplint scan --help)\n"},
		{[]string{"scan", "--helm-vals", "v.yaml"}, "shiplint: flag provided but not defined: -helm-vals. Did you mean \"--helm-values\"? (see shiplint scan --help)\n"},
		{[]string{"rules", "--frmat", "json"}, "shiplint: flag provided but not defined: -frmat. Did you mean \"--format\"? (see shiplint rules --help)\n"},
	} {
		o := shiplint(t, "", c.args...)
		if o.code != 2 || o.stderr != c.want || o.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q, want %q", c.args, o.code, o.stdout, o.stderr, c.want)
		}
	}
}

func TestExplainAnyCaseAndAliases(t *testing.T) {
	for _, c := range []struct{ name, first string }{
		{"ks016", "KS016: Container allows privilege escalation\n"},
		{"dl3006", "DF002: Base image uses the latest tag or no tag\n"},
		{"DL3006", "DF002: Base image uses the latest tag or no tag\n"},
		{"CKV_K8S_20", "KS016: Container allows privilege escalation\n"},
		{"ckv_k8s_20", "KS016: Container allows privilege escalation\n"},
		{"KSV017", "KS001: Container runs privileged\n"},
		{"avd-ksv-0017", "KS001: Container runs privileged\n"},
		{"Privileged-Container", "KS001: Container runs privileged\n"},
		{"SYNTAX-ERROR", "syntax-error: File cannot be parsed\n"},
	} {
		o := shiplint(t, "", "explain", c.name)
		if o.code != 0 || !strings.HasPrefix(o.stdout, c.first) {
			t.Errorf("explain %s: exit %d stderr %q, stdout starts %q, want %q", c.name, o.code, o.stderr, firstLine(o.stdout), c.first)
		}
	}
	// The same text as by the rule's own ID.
	if a, b := shiplint(t, "", "explain", "ckv_k8s_20"), shiplint(t, "", "explain", "KS016"); a.stdout != b.stdout {
		t.Errorf("explain by alias differs from by ID:\n%s\n---\n%s", a.stdout, b.stdout)
	}
	// An alias three rules share explains all three, in ID order.
	o := shiplint(t, "", "explain", "ckv_k8s_49")
	if !strings.HasPrefix(o.stdout, "\"ckv_k8s_49\" is the same as 3 rules: KS043, KS044, KS045\n\nKS043: ") || o.code != 0 {
		t.Errorf("shared alias: exit %d stdout starts %q", o.code, firstLine(o.stdout))
	}
	var heads []string
	for _, l := range strings.Split(o.stdout, "\n") {
		if strings.HasPrefix(l, "KS04") && strings.Contains(l, ": ") {
			heads = append(heads, l[:5])
		}
	}
	if !slices.Equal(heads, []string{"KS043", "KS044", "KS045"}) {
		t.Errorf("shared alias explains %q, want KS043, KS044, KS045", heads)
	}
	for _, c := range []struct{ name, want string }{
		{"ks9999", "shiplint: no rule has the ID or alias \"ks9999\". Did you mean \"KS099\"? (shiplint rules lists them)\n"},
		{"dl3066", "shiplint: no rule has the ID or alias \"dl3066\". Did you mean \"DL3006\", \"DL3016\" or \"DL3036\"? (shiplint rules lists them)\n"},
		{"nothing-like-it", "shiplint: no rule has the ID or alias \"nothing-like-it\" (shiplint rules lists them)\n"},
	} {
		o := shiplint(t, "", "explain", c.name)
		if o.code != 2 || o.stderr != c.want || o.stdout != "" {
			t.Errorf("explain %s: exit %d stderr %q, want %q", c.name, o.code, o.stderr, c.want)
		}
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// jsonFindings scans and returns "ruleId path:line" for each finding.
func jsonFindings(t *testing.T, wantCode int, args ...string) []string {
	t.Helper()
	o := shiplint(t, "", append([]string{"scan", "-f", "json"}, args...)...)
	if o.code != wantCode {
		t.Fatalf("%q: exit %d, want %d; stderr %s", args, o.code, wantCode, o.stderr)
	}
	var r struct {
		Findings []struct {
			RuleID, Severity, Path string
			Range                  struct{ StartLine int }
		}
	}
	if err := json.Unmarshal([]byte(o.stdout), &r); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Severity+" "+f.RuleID+" "+f.Path)
	}
	return out
}

func TestSeverityFilter(t *testing.T) {
	all := jsonFindings(t, 1, "testdata/examples")
	var want []string
	for _, f := range all {
		if strings.HasPrefix(f, "high ") || strings.HasPrefix(f, "critical ") {
			want = append(want, f)
		}
	}
	if len(want) != 7 || len(all) != 36 {
		t.Fatalf("the examples changed: %d findings, %d high or critical", len(all), len(want))
	}
	for _, args := range [][]string{
		{"--severity", "HIGH,CRITICAL"},
		{"--severity", "high", "--severity", "Critical"},
		{"--severity", "high, critical"},
	} {
		if got := jsonFindings(t, 1, append([]string{"testdata/examples"}, args...)...); !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", args, got, want)
		}
	}
	// After the config's severity overrides: DF002 (medium) raised to high.
	work := project(t, map[string]string{".shiplint.yaml": "severity:\n  DF002: high\n"})
	got := jsonFindings(t, 1, "testdata/examples/Dockerfile", "-c", filepath.Join(work, ".shiplint.yaml"), "--severity", "high")
	if want := []string{"high DF001 testdata/examples/Dockerfile", "high DF002 testdata/examples/Dockerfile", "high DF003 testdata/examples/Dockerfile"}; !slices.Equal(got, want) {
		t.Errorf("--severity high with DF002 raised: %q, want %q", got, want)
	}
	// Nothing reported: the exit status follows what is reported.
	if got := jsonFindings(t, 0, "testdata/examples/k8s", "--severity", "info"); len(got) != 0 {
		t.Errorf("--severity info: %q", got)
	}
	o := shiplint(t, "", "scan", "--severity", "severe", "testdata/examples")
	if want := "shiplint: --severity: unknown severity \"severe\" (want critical, high, medium, low or info)\n"; o.code != 2 || o.stderr != want {
		t.Errorf("bad --severity: exit %d, stderr %q", o.code, o.stderr)
	}
	// A file that was not scanned is reported whatever --severity says.
	got = jsonFindings(t, 1, "testdata/examples/Dockerfile", "--max-file-size", "10", "--severity", "critical")
	if want := []string{"high file-not-scanned testdata/examples/Dockerfile"}; !slices.Equal(got, want) {
		t.Errorf("file-not-scanned under --severity critical: %q, want %q", got, want)
	}
}

func TestRuleFilters(t *testing.T) {
	got := jsonFindings(t, 1, "testdata/examples", "--rule", "df001", "--rule", "DL3006")
	if want := []string{"high DF001 testdata/examples/Dockerfile", "medium DF002 testdata/examples/Dockerfile"}; !slices.Equal(got, want) {
		t.Errorf("--rule df001 --rule DL3006: %q, want %q", got, want)
	}
	if got2 := jsonFindings(t, 1, "testdata/examples", "--rule", "df001,DL3006"); !slices.Equal(got2, got) {
		t.Errorf("comma list: %q, want %q", got2, got)
	}
	// --skip-rule adds to the config's disable; --rule replaces its only.
	work := project(t, map[string]string{
		".shiplint.yaml": "only: [DF001, DF002, DF003]\ndisable: [DF003]\n",
		"Dockerfile":     "FROM debian\nRUN curl -fsSL https://example.com/i.sh | sh\n",
	})
	cfg := filepath.Join(work, ".shiplint.yaml")
	df := filepath.ToSlash(filepath.Join(work, "Dockerfile"))
	if got, want := jsonFindings(t, 1, df, "-c", cfg), []string{"high DF001 " + df, "medium DF002 " + df}; !slices.Equal(got, want) {
		t.Errorf("config alone: %q, want %q", got, want)
	}
	if got, want := jsonFindings(t, 1, df, "-c", cfg, "--skip-rule", "dl3007"), []string{"high DF001 " + df}; !slices.Equal(got, want) {
		t.Errorf("--skip-rule dl3007: %q, want %q", got, want)
	}
	if got, want := jsonFindings(t, 1, df, "-c", cfg, "--rule", "DF002,DF004"), []string{"medium DF002 " + df}; !slices.Equal(got, want) {
		t.Errorf("--rule DF002,DF004: %q, want %q", got, want)
	}
	if got, want := jsonFindings(t, 0, df, "-c", cfg, "--rule", "DF003"), []string(nil); !slices.Equal(got, want) {
		t.Errorf("--rule DF003 with DF003 disabled: %q, want none", got)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--rule", "ks9999"}, "shiplint: --rule \"ks9999\": no rule has this ID or alias. Did you mean \"KS099\"? (shiplint rules lists them)\n"},
		{[]string{"--skip-rule", "DL9999"}, "shiplint: --skip-rule \"DL9999\": no rule has this ID or alias (shiplint rules lists them)\n"},
	} {
		o := shiplint(t, "", append([]string{"scan", "testdata/examples"}, c.args...)...)
		if o.code != 2 || o.stderr != c.want {
			t.Errorf("%q: exit %d stderr %q, want %q", c.args, o.code, o.stderr, c.want)
		}
	}
}

func TestSkipPath(t *testing.T) {
	paths := func(args ...string) []string {
		var ps []string
		for _, f := range jsonFindings(t, 1, append([]string{"testdata/examples"}, args...)...) {
			ps = append(ps, f[strings.LastIndex(f, " ")+1:])
		}
		return slices.Compact(slices.Sorted(slices.Values(ps)))
	}
	if got := paths(); !slices.Equal(got, []string{"testdata/examples/Dockerfile", "testdata/examples/docker-compose.yml", "testdata/examples/k8s/deployment.yaml"}) {
		t.Fatalf("the examples changed: %q", got)
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		// Relative to the scan root, ** for any depth, a directory name.
		{[]string{"--skip-path", "Dockerfile", "--skip-path", "k8s/**"}, []string{"testdata/examples/docker-compose.yml"}},
		{[]string{"--skip-path", "**/*.yaml,**/*.yml"}, []string{"testdata/examples/Dockerfile"}},
		{[]string{"--skip-path", "k8s"}, []string{"testdata/examples/Dockerfile", "testdata/examples/docker-compose.yml"}},
		// As shown in findings, as the config's exclude.
		{[]string{"--skip-path", "testdata/examples/docker-compose.yml"}, []string{"testdata/examples/Dockerfile", "testdata/examples/k8s/deployment.yaml"}},
	} {
		if got := paths(c.args...); !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.args, got, c.want)
		}
	}
	o := shiplint(t, "", "scan", "testdata/examples", "--skip-path", "[")
	if want := "shiplint: --skip-path \"[\" is not a valid glob (doublestar syntax: *, **, ?, [a-z], {a,b})\n"; o.code != 2 || o.stderr != want {
		t.Errorf("bad glob: exit %d stderr %q", o.code, o.stderr)
	}
}

// TestREADMEListsScanFlags keeps README's flags table in step with scan's
// flags.
func TestREADMEListsScanFlags(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range scanCommand().Flags {
		name := f.Names()[0]
		if !regexp.MustCompile(`\| ` + "`" + `[^|]*--` + regexp.QuoteMeta(name) + `\b`).Match(readme) {
			t.Errorf("README's flags table has no row for --%s", name)
		}
	}
}
