package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/finding"
)

// A chart: privileged comes from values, hostNetwork is literal.
var chartFiles = map[string]string{
	"app/Chart.yaml":  "apiVersion: v2\nname: app\nversion: 0.1.0\n",
	"app/values.yaml": "image: nginx:1.27\nprivileged: true\n",
	"app/templates/pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: {{ .Values.image }}
      securityContext:
        privileged: {{ .Values.privileged }}
  hostNetwork: true
`,
}

// renderScan scans dir as JSON and returns the findings with paths made
// relative to dir.
func renderScan(t *testing.T, dir string, wantCode int, args ...string) []finding.Finding {
	t.Helper()
	o := shiplint(t, "", append(append([]string{"scan", "-f", "json"}, args...), dir)...)
	if o.code != wantCode {
		t.Fatalf("exit %d, want %d\n%s%s", o.code, wantCode, o.stdout, o.stderr)
	}
	var res finding.Result
	if err := json.Unmarshal([]byte(o.stdout), &res); err != nil {
		t.Fatalf("%v\n%s", err, o.stdout)
	}
	prefix := filepath.ToSlash(dir) + "/"
	for i := range res.Findings {
		f := &res.Findings[i]
		if !strings.HasPrefix(f.Path, prefix) {
			t.Errorf("finding outside the tree: %s:%d %s", f.Path, f.Range.StartLine, f.RuleID)
		}
		f.Path = strings.TrimPrefix(f.Path, prefix)
		for j := range f.Related {
			f.Related[j].Path = strings.TrimPrefix(f.Related[j].Path, prefix)
		}
	}
	return res.Findings
}

// only returns the findings of one rule.
func only(fs []finding.Finding, rule string) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if f.RuleID == rule {
			out = append(out, f)
		}
	}
	return out
}

func wantAt(t *testing.T, fs []finding.Finding, rule, path string, line int) finding.Finding {
	t.Helper()
	got := only(fs, rule)
	if len(got) != 1 || got[0].Path != path || got[0].Range.StartLine != line {
		var where []string
		for _, f := range got {
			where = append(where, f.Path+":"+itoa(f.Range.StartLine))
		}
		t.Fatalf("%s: got %v, want exactly one at %s:%d", rule, where, path, line)
	}
	return got[0]
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestRenderChartFindingsAtSource(t *testing.T) {
	dir := project(t, chartFiles)
	fs := renderScan(t, dir, 1)
	priv := wantAt(t, fs, "KS001", "app/values.yaml", 2)
	if len(priv.Related) == 0 || priv.Related[0].Path != "app/templates/pod.yaml" || priv.Related[0].Range.StartLine != 10 || priv.Related[0].Role != "template" {
		t.Errorf("KS001 related = %+v, want app/templates/pod.yaml:10 (template)", priv.Related)
	}
	if priv.Snippet != "privileged: true" {
		t.Errorf("KS001 snippet %q", priv.Snippet)
	}
	wantAt(t, fs, "KS005", "app/templates/pod.yaml", 11)
	for _, f := range fs {
		if f.RuleID == "syntax-error" || f.Path == "app/Chart.yaml" {
			t.Errorf("unexpected %s at %s:%d: %s", f.RuleID, f.Path, f.Range.StartLine, f.Message)
		}
	}
	// Text output names the template on one short line.
	o := shiplint(t, "", "scan", dir)
	if !strings.Contains(o.stdout, "      via "+filepath.ToSlash(dir)+"/app/templates/pod.yaml:10 (template)") {
		t.Errorf("text output has no via line:\n%s", o.stdout)
	}
}

func TestRenderChartSettings(t *testing.T) {
	dir := project(t, chartFiles)
	if got := only(renderScan(t, dir, 1, "--helm-set", "privileged=false"), "KS001"); len(got) != 0 {
		t.Errorf("--helm-set privileged=false: KS001 still reported: %+v", got)
	}
	vals := filepath.Join(dir, "prod.yaml")
	write(t, vals, "image: nginx:1.27\nprivileged: false\n")
	if got := only(renderScan(t, dir, 1, "--helm-values", vals), "KS001"); len(got) != 0 {
		t.Errorf("--helm-values: KS001 still reported: %+v", got)
	}
}

func TestRenderChartSuppression(t *testing.T) {
	files := map[string]string{}
	for k, v := range chartFiles {
		files[k] = v
	}
	files["app/values.yaml"] = "image: nginx:1.27\nprivileged: true # shiplint ignore=KS001 -- debug chart, never deployed\n"
	fs := renderScan(t, project(t, files), 1)
	f := wantAt(t, fs, "KS001", "app/values.yaml", 2)
	if f.Suppressed == nil || f.Suppressed.Source != "shiplint" {
		t.Errorf("KS001 on a values line with a suppression comment is not suppressed: %+v", f)
	}
}

func TestRenderChartProblems(t *testing.T) {
	dir := project(t, map[string]string{
		"failing/Chart.yaml": "apiVersion: v2\nname: failing\nversion: 0.1.0\n",
		"failing/templates/cm.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: x
data:
  a: {{ fail "mode must not be bad" }}
`,
		"missing/Chart.yaml": `apiVersion: v2
name: missing
version: 0.1.0
dependencies:
  - name: redis
    version: 1.0.0
    repository: https://example.invalid/charts
`,
		"missing/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n",
	})
	fs := renderScan(t, dir, 1, "--framework", "pss-baseline")
	f := wantAt(t, fs, "render-error", "failing/templates/cm.yaml", 6)
	if !strings.Contains(f.Message, "mode must not be bad") || f.Severity != finding.High {
		t.Errorf("render-error: %s %s", f.Severity, f.Message)
	}
	f = wantAt(t, fs, "helm-missing-dependency", "missing/Chart.yaml", 5)
	if !strings.Contains(f.Message, "helm dependency build") || f.Severity != finding.Medium {
		t.Errorf("helm-missing-dependency: %s %s", f.Severity, f.Message)
	}
}

var kustomizeFiles = map[string]string{
	"base/kustomization.yaml": "resources:\n  - deploy.yaml\n",
	"base/deploy.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: app
          image: nginx:1.27
`,
	"overlays/prod/kustomization.yaml": "resources:\n  - ../../base\npatches:\n  - path: priv.yaml\n",
	"overlays/prod/priv.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          securityContext:
            privileged: true
`,
	"overlays/remote/kustomization.yaml": "resources:\n  - ../../base\n  - github.com/org/repo//x?ref=v1\n",
}

func TestRenderKustomizeFindingsAtPatch(t *testing.T) {
	fs := renderScan(t, project(t, kustomizeFiles), 1)
	// The patch line, once: not again from scanning the patch alone.
	wantAt(t, fs, "KS001", "overlays/prod/priv.yaml", 11)
	// The base sets runAsNonRoot for the pod: the patch fragment alone
	// does not, but it is not scanned alone.
	if got := only(fs, "KS003"); len(got) != 0 {
		t.Errorf("KS003 reported though the base sets runAsNonRoot: %+v", got)
	}
	f := wantAt(t, fs, "render-skipped", "overlays/remote/kustomization.yaml", 3)
	if f.Severity != finding.Medium || !strings.Contains(f.Message, "github.com/org/repo") {
		t.Errorf("render-skipped: %s %s", f.Severity, f.Message)
	}
	// The base's own findings, reached through both overlays, are
	// reported once, naming them.
	f = wantAt(t, fs, "KS037", "base/deploy.yaml", 16)
	if !strings.Contains(f.Message, " (in overlays ") || !strings.Contains(f.Message, "overlays/prod, ") || !strings.HasSuffix(f.Message, "overlays/remote)") {
		t.Errorf("KS037 message %q does not name both overlays", f.Message)
	}
}

// An overlay that does not build checks nothing of its files: they are
// still scanned on their own.
func TestRenderKustomizeFailedOverlayKeepsFiles(t *testing.T) {
	fs := renderScan(t, project(t, map[string]string{
		"app/kustomization.yaml": "resources:\n  - pod.yaml\npatches:\n  - path: nothing.yaml\n",
		"app/pod.yaml":           "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n",
		"app/nothing.yaml":       "apiVersion: v1\nkind: Pod\nmetadata:\n  name: other\nspec:\n  hostNetwork: true\n",
	}), 1)
	wantAt(t, fs, "render-error", "app/kustomization.yaml", 1)
	wantAt(t, fs, "KS001", "app/pod.yaml", 10)
}

func TestRenderChartSettingsFromConfig(t *testing.T) {
	files := map[string]string{
		".shiplint.yaml": "helm:\n  app:\n    values: [ci/values.yaml]\n",
		"ci/values.yaml": "image: nginx:1.27\nhostNet: false\nprivileged: true\n",
	}
	for k, v := range chartFiles {
		files[k] = v
	}
	files["app/values.yaml"] = "image: nginx:1.27\nprivileged: false\n"
	dir := project(t, files)
	// The config is found from the scanned directory; the chart's
	// privileged comes from ci/values.yaml.
	wantAt(t, renderScan(t, dir, 1), "KS001", "ci/values.yaml", 3)
	write(t, filepath.Join(dir, ".shiplint.yaml"), "helm:\n  app:\n    values: [ci/values.yaml]\n    set: [privileged=false]\n")
	if got := only(renderScan(t, dir, 1), "KS001"); len(got) != 0 {
		t.Errorf("set: privileged=false in .shiplint.yaml: KS001 still reported: %+v", got)
	}
	write(t, filepath.Join(dir, ".shiplint.yaml"), "helm:\n  app:\n    valuez: [x.yaml]\n")
	if o := shiplint(t, "", "scan", dir); o.code != 2 || !strings.Contains(o.stderr, `unknown key "valuez"`) {
		t.Errorf("unknown helm key: exit %d, stderr %q", o.code, o.stderr)
	}
	write(t, filepath.Join(dir, ".shiplint.yaml"), "helm:\n  app:\n    values: [../outside.yaml]\n")
	if o := shiplint(t, "", "scan", dir); o.code != 2 || !strings.Contains(o.stdout+o.stderr, "not read") {
		t.Errorf("values outside the tree: exit %d\n%s%s", o.code, o.stdout, o.stderr)
	}
}

// A chart that renders for too long is a render-error, and the scan ends.
func TestRenderChartTimeout(t *testing.T) {
	dir := project(t, map[string]string{
		"c/Chart.yaml":        "apiVersion: v2\nname: c\nversion: 0.1.0\n",
		"c/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  {{- range until 6000 }}{{ range until 6000 }}{{ end }}{{ end }}\n",
	})
	f := wantAt(t, renderScan(t, dir, 1, "--eval-timeout", "50ms"), "render-error", "c/Chart.yaml", 1)
	if !strings.Contains(f.Message, "did not finish within 150ms") {
		t.Errorf("message %q", f.Message)
	}
}

// A chart's namespace is chosen at install time: the release namespace is
// not "default", so only a chart that writes `namespace: default` itself
// is placed in the default namespace (KS028).
func TestRenderChartReleaseNamespace(t *testing.T) {
	dir := project(t, map[string]string{
		"app/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
		"app/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: {{ .Release.Namespace }}\n" +
			"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: default\n",
		".shiplint.yaml": "only: [KS028]\n",
	})
	fs := renderScan(t, dir, 1)
	wantAt(t, fs, "KS028", "app/templates/cm.yaml", 11)
}

// A helmCharts entry whose chart is in the tree is rendered by shiplint's
// Helm renderer: privileged set through valuesInline lands on its line of
// the kustomization, with the template line as a related location.
func TestRenderKustomizeHelmChart(t *testing.T) {
	fs := renderScan(t, project(t, map[string]string{
		"k/kustomization.yaml":            "helmCharts:\n  - name: web\n    releaseName: rel\n    valuesInline:\n      privileged: true\n",
		"k/charts/web/Chart.yaml":         "apiVersion: v2\nname: web\nversion: 0.1.0\n",
		"k/charts/web/values.yaml":        "image: nginx:1.27\nprivileged: false\n",
		"k/charts/web/templates/pod.yaml": strings.Replace(chartFiles["app/templates/pod.yaml"], "name: app\nspec", "name: {{ .Release.Name }}\nspec", 1),
	}), 1)
	f := wantAt(t, fs, "KS001", "k/kustomization.yaml", 5)
	if len(f.Related) == 0 || f.Related[0].Path != "k/charts/web/templates/pod.yaml" || f.Related[0].Range.StartLine != 10 {
		t.Errorf("KS001 related = %+v, want the template line first", f.Related)
	}
	if strings.TrimSpace(f.Snippet) != "privileged: true" || f.Range.StartColumn != 7 {
		t.Errorf("KS001 snippet %q column %d, want the key at column 7", f.Snippet, f.Range.StartColumn)
	}
	for _, f := range only(fs, "render-skipped") {
		t.Errorf("unexpected render-skipped at %s:%d: %s", f.Path, f.Range.StartLine, f.Message)
	}
}

// A finding keeps its fingerprint when the chart or overlay renders
// differently for an unrelated reason: another value, another literal of
// the same generator (which changes the generated name's hash), lines
// added above.
func TestRenderFingerprintsStable(t *testing.T) {
	dir := t.TempDir()
	fingerprint := func(files map[string]string, rule string) string {
		t.Helper()
		for name, content := range files {
			p := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		fs := only(renderScan(t, dir, 1), rule)
		if len(fs) != 1 {
			t.Fatalf("%s: %d findings, want 1", rule, len(fs))
		}
		return fs[0].Fingerprint
	}
	overlay := func(literals string) map[string]string {
		return map[string]string{
			"app/kustomization.yaml": "configMapGenerator:\n  - name: cfg\n    literals:\n" + literals,
		}
	}
	a := fingerprint(overlay("      - DB_PASSWORD=hunter2\n"), "KS040")
	b := fingerprint(overlay("      - LOG_LEVEL=debug\n      - DB_PASSWORD=hunter2\n"), "KS040")
	if a != b {
		t.Errorf("KS040 fingerprint changed with another literal of the generator: %s, %s", a, b)
	}

	chart := func(values, pre string) map[string]string {
		files := map[string]string{}
		for k, v := range chartFiles {
			files[k] = v
		}
		files["app/values.yaml"] = values
		files["app/templates/pod.yaml"] = pre + chartFiles["app/templates/pod.yaml"]
		return files
	}
	dir = t.TempDir()
	a = fingerprint(chart("image: nginx:1.27\nprivileged: true\n", ""), "KS001")
	b = fingerprint(chart("# tuned\nimage: nginx:1.28\nprivileged: true\n", "{{- /* a comment */}}\n"), "KS001")
	if a != b {
		t.Errorf("KS001 fingerprint changed with an unrelated value and a line above: %s, %s", a, b)
	}
}

// A chart scanned as "." from a working directory reached through a
// symbolic link ($PWD holds the link) is rendered: the link is the user's,
// not the tree's.
func TestRenderFromLinkedWorkingDirectory(t *testing.T) {
	real := project(t, chartFiles)
	linked := filepath.Join(t.TempDir(), "work")
	if err := os.Symlink(real, linked); err != nil {
		t.Fatal(err)
	}
	t.Chdir(linked)
	t.Setenv("PWD", linked)
	o := shiplint(t, "", "scan", "-f", "json", ".")
	var res finding.Result
	if err := json.Unmarshal([]byte(o.stdout), &res); err != nil {
		t.Fatalf("%v\n%s%s", err, o.stdout, o.stderr)
	}
	if len(only(res.Findings, "render-error")) != 0 {
		t.Fatalf("chart not rendered: %+v", only(res.Findings, "render-error"))
	}
	wantAt(t, res.Findings, "KS001", "app/values.yaml", 2)
}

// A namespace an overlay sets is reported at the kustomization's
// namespace: line, not at line 1 of the base resource.
func TestRenderKustomizeNamespaceLine(t *testing.T) {
	fs := renderScan(t, project(t, map[string]string{
		"kustomization.yaml":      "namespace: kube-system\nresources:\n  - base\n",
		"base/kustomization.yaml": "resources:\n  - deploy.yaml\n",
		"base/deploy.yaml":        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: grafana\nspec:\n  selector:\n    matchLabels: {app: g}\n  template:\n    metadata:\n      labels: {app: g}\n    spec:\n      containers:\n        - name: g\n          image: grafana/grafana:10.0.0\n",
	}), 1)
	wantAt(t, fs, "KS074", "kustomization.yaml", 1)
}

// Two resources of one overlay that land on the same line (the namespace
// the overlay gives both) are two findings.
func TestRenderKustomizeSameLineTwoResources(t *testing.T) {
	fs := renderScan(t, project(t, map[string]string{
		"kustomization.yaml": "namespace: kube-system\nresources:\n  - a.yaml\n  - b.yaml\n",
		"a.yaml":             "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: c\n      image: grafana/grafana:10.0.0\n",
		"b.yaml":             "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n    - name: c\n      image: grafana/grafana:10.0.0\n",
	}), 1)
	got := only(fs, "KS074")
	if len(got) != 2 || got[0].Range.StartLine != 1 || got[1].Range.StartLine != 1 || got[0].Resource == got[1].Resource {
		t.Errorf("KS074: %+v", got)
	}
}
