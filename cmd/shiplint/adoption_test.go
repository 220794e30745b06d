package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// project writes files into a temporary directory and returns it. Each
// test pins the rules it runs with a config, so rule packs can grow without
// touching these tests.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const suppressedDockerfile = `FROM alpine:3.20
# shiplint ignore=DF003 -- vendor installer, pinned host, reviewed 2026-11
RUN wget -qO- https://tools.example.com/install.sh | sh
# hadolint ignore=DL3002
USER root
RUN curl -fsSL https://example.com/other.sh | bash
`

func TestSuppressionsInEveryOutput(t *testing.T) {
	dir := project(t, map[string]string{
		".shiplint.yaml": "only: [DF001, DF003, stale-suppression]\n",
		"Dockerfile":     suppressedDockerfile,
	})
	df := filepath.Join(dir, "Dockerfile")
	cfg := filepath.Join(dir, ".shiplint.yaml")
	o := shiplint(t, "", "scan", "-q", "--config", cfg, df)
	want := filepath.ToSlash(df) + ":6:47: high DF003 Output of curl is piped into bash and executed unverified: download to a file and check its checksum first\n      6 | RUN curl -fsSL https://example.com/other.sh | bash\n"
	if o.code != 1 || !strings.HasSuffix(o.stdout, strings.TrimPrefix(want, "/")) {
		t.Errorf("exit %d, stdout:\n%s\nwant only:\n%s", o.code, o.stdout, want)
	}
	o = shiplint(t, "", "scan", "--show-suppressed", "--config", cfg, df)
	for _, w := range []string{"[suppressed by shiplint: vendor installer, pinned host, reviewed 2026-11]", "[suppressed by hadolint]", "1 finding (1 high) in 1 of 1 file scanned; 2 suppressed"} {
		if !strings.Contains(o.stdout, w) {
			t.Errorf("--show-suppressed output lacks %q:\n%s", w, o.stdout)
		}
	}
	o = shiplint(t, "", "scan", "-f", "sarif", "--config", cfg, df)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct {
					Kind          string `json:"kind"`
					Justification string `json:"justification"`
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(o.stdout), &log); err != nil {
		t.Fatal(err)
	}
	var sup []string
	for _, r := range log.Runs[0].Results {
		for _, s := range r.Suppressions {
			sup = append(sup, r.RuleID+" "+s.Kind+" "+s.Justification)
		}
	}
	wantSup := "DF003 inSource shiplint: vendor installer, pinned host, reviewed 2026-11|DF001 inSource hadolint"
	if strings.Join(sup, "|") != wantSup && strings.Join(reverse(sup), "|") != wantSup {
		t.Errorf("SARIF suppressions %q, want %q", sup, wantSup)
	}
	if len(log.Runs[0].Results) != 3 {
		t.Errorf("SARIF has %d results, want 3 (suppressed ones are kept)", len(log.Runs[0].Results))
	}
}

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

func TestConfigErrorsExitTwoWithLine(t *testing.T) {
	cases := map[string]string{
		"fail-on: high\nignore: [DF001]\n":  `.shiplint.yaml:2: unknown key "ignore"`,
		"disable:\n  - DF001\n  - DF9999\n": `.shiplint.yaml:3: disable: unknown rule ID "DF9999" (shiplint rules lists them)`,
		"frameworks: [pss-strict]\n":        `unknown framework "pss-strict"`,
	}
	for cfg, want := range cases {
		dir := project(t, map[string]string{".shiplint.yaml": cfg, "Dockerfile": "FROM alpine:3.20\n"})
		o := shiplint(t, "", "scan", filepath.Join(dir, "Dockerfile"))
		if o.code != 2 || !strings.Contains(o.stderr, want) {
			t.Errorf("config %q: exit %d, stderr %q, want %q", cfg, o.code, o.stderr, want)
		}
	}
}

func TestConfigTunesTheScan(t *testing.T) {
	dir := project(t, map[string]string{
		".git/HEAD": "ref: refs/heads/main\n",
		".shiplint.yaml": `only: [DF001, DF002]
disable: [DF002]
severity:
  DF001: low
exclude: ["vendor/**"]
fail-on: medium
`,
		"app/Dockerfile":    "FROM alpine\n",
		"vendor/Dockerfile": "FROM alpine\n",
	})
	// The config is found from the scanned directory upwards.
	o := shiplint(t, "", "scan", "-q", filepath.Join(dir, "app"))
	if o.code != 0 {
		t.Errorf("exit %d (DF001 is low, fail-on medium), stdout:\n%s%s", o.code, o.stdout, o.stderr)
	}
	if !strings.Contains(o.stdout, ": low DF001 ") || strings.Contains(o.stdout, "DF002") || strings.Contains(o.stdout, "vendor") {
		t.Errorf("config not applied:\n%s", o.stdout)
	}
	// A flag wins over the config.
	if o := shiplint(t, "", "scan", "-q", "--fail-on", "low", filepath.Join(dir, "app")); o.code != 1 {
		t.Errorf("--fail-on low: exit %d", o.code)
	}
}

func TestBaselineSurvivesUnrelatedEdits(t *testing.T) {
	original := `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
`
	edited := `# a comment moves every line down
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {team: shop}
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
        securityContext: {privileged: true}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{port: 80}]
`
	dir := project(t, map[string]string{".shiplint.yaml": "only: [KS001, KS003]\n", "k8s/app.yaml": original})
	cfg := filepath.Join(dir, ".shiplint.yaml")
	base := filepath.Join(dir, "baseline.json")
	target := filepath.Join(dir, "k8s")
	if o := shiplint(t, "", "scan", "--config", cfg, "--write-baseline", base, target); o.code != 0 {
		t.Fatalf("write-baseline: exit %d %s", o.code, o.stderr)
	}
	// Moved lines, reformatting (block to flow, indentation) and an added
	// resource: nothing new.
	os.WriteFile(filepath.Join(target, "app.yaml"), []byte(edited), 0o644)
	o := shiplint(t, "", "scan", "--config", cfg, "--baseline", base, target)
	if o.code != 0 || !strings.Contains(o.stdout, "0 findings in 1 file scanned; 2 in the baseline") {
		t.Errorf("after unrelated edits: exit %d\n%s%s", o.code, o.stdout, o.stderr)
	}
	// A new problem is reported.
	os.WriteFile(filepath.Join(target, "app.yaml"), []byte(edited+"---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: sh\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n"), 0o644)
	o = shiplint(t, "", "scan", "-q", "--config", cfg, "--baseline", base, target)
	if o.code != 1 || strings.Count(o.stdout, " KS00") != 2 || !strings.Contains(o.stdout, `Pod "debug"`) {
		t.Errorf("new resource: exit %d\n%s", o.code, o.stdout)
	}
}

func TestSeveralFormatsFromOneScan(t *testing.T) {
	dir := project(t, map[string]string{".shiplint.yaml": "only: [DC001]\n", "compose.yaml": "services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n"})
	summary := filepath.Join(dir, "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	sarifFile, junitFile, gitlabFile := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "out.xml"), filepath.Join(dir, "gl.json")
	o := shiplint(t, "", "scan", "--config", filepath.Join(dir, ".shiplint.yaml"),
		"-f", "github", "-f", "sarif="+sarifFile, "-f", "junit="+junitFile, "-f", "gitlab="+gitlabFile, filepath.Join(dir, "compose.yaml"))
	if o.code != 1 {
		t.Fatalf("exit %d: %s", o.code, o.stderr)
	}
	path := strings.TrimPrefix(filepath.ToSlash(filepath.Join(dir, "compose.yaml")), "/")
	wantAnnotation := "::error file=/" + path + ",line=4,col=5,endColumn=21,title=DC001 (critical)%3A Service runs privileged::Service \"dind\" runs privileged: it has full access to the host\n"
	if !strings.HasPrefix(o.stdout, wantAnnotation) {
		t.Errorf("github output:\n%s\nwant it to start with:\n%s", o.stdout, wantAnnotation)
	}
	for file, want := range map[string]string{
		sarifFile:  `"ruleId": "DC001"`,
		junitFile:  `<failure message="Service &#34;dind&#34; runs privileged: it has full access to the host" type="critical">`,
		gitlabFile: `"severity": "blocker"`,
		summary:    "| critical | DC001 | `/" + path + ":4` | Service \"dind\" runs privileged: it has full access to the host |",
	} {
		b, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("%s (%v) lacks %q:\n%s", filepath.Base(file), err, want, b)
		}
	}
	if o := shiplint(t, "", "scan", "-f", "text", "-f", "json", dir); o.code != 2 || !strings.Contains(o.stderr, "only one format can go to standard output") {
		t.Errorf("two stdout formats: exit %d %s", o.code, o.stderr)
	}
}

func TestGitHubAnnotationLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("services:\n")
	for i := range 12 {
		b.WriteString("  s" + string(rune('a'+i)) + ":\n    image: x:1\n    privileged: true\n")
	}
	dir := project(t, map[string]string{".shiplint.yaml": "only: [DC001]\n", "compose.yaml": b.String()})
	o := shiplint(t, "", "scan", "-f", "github", "--config", filepath.Join(dir, ".shiplint.yaml"), filepath.Join(dir, "compose.yaml"))
	if n := strings.Count(o.stdout, "::error "); n != 10 {
		t.Errorf("%d error annotations, want 10", n)
	}
	if !strings.Contains(o.stdout, "::notice title=shiplint::2 more findings not shown as annotations") {
		t.Errorf("no overflow notice:\n%s", o.stdout)
	}
}

func TestStdinFilename(t *testing.T) {
	o := shiplint(t, "services:\n  a:\n    image: x:1\n    network_mode: host\n", "scan", "-q", "-f", "json", "--stdin-filename", "deploy/compose.yaml", "-")
	if o.code != 1 || !strings.Contains(o.stdout, `"path": "deploy/compose.yaml"`) || !strings.Contains(o.stdout, `"ruleId": "DC003"`) {
		t.Errorf("exit %d stderr %s\n%s", o.code, o.stderr, o.stdout)
	}
}
