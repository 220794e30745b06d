package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// overlayFiles: a base Deployment and a prod overlay whose patch adds
// hostPID.
var overlayFiles = map[string]string{
	"k/base/kustomization.yaml": "resources:\n  - deploy.yaml\n",
	"k/base/deploy.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
	"k/prod/kustomization.yaml": "resources:\n  - ../base\npatches:\n  - path: patch.yaml\n",
	"k/prod/patch.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      hostPID: true
`,
}

// renderOut runs shiplint render and returns its output with the
// temporary directory cut from paths.
func renderOut(t *testing.T, dir string, wantCode int, args ...string) string {
	t.Helper()
	o := shiplint(t, "", append(append([]string{"render"}, args...), dir)...)
	if o.code != wantCode {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", o.code, wantCode, o.stdout, o.stderr)
	}
	return strings.ReplaceAll(o.stdout, filepath.ToSlash(dir)+"/", "")
}

func TestRenderCommandChart(t *testing.T) {
	got := renderOut(t, project(t, chartFiles), 0)
	want := `---
# Source: app (chart app (app/templates/pod.yaml))
apiVersion: v1  # app/templates/pod.yaml:1 (template)
kind: Pod  # app/templates/pod.yaml:2 (template)
metadata:  # app/templates/pod.yaml:3 (template)
  name: app  # app/templates/pod.yaml:4 (template)
spec:  # app/templates/pod.yaml:5 (template)
  containers:  # app/templates/pod.yaml:6 (template)
    - name: app  # app/templates/pod.yaml:7 (template)
      image: nginx:1.27  # app/values.yaml:1 (values)
      securityContext:  # app/templates/pod.yaml:9 (template)
        privileged: true  # app/values.yaml:2 (values)
  hostNetwork: true  # app/templates/pod.yaml:11 (template)
`
	if got != want {
		t.Errorf("render output:\n%s\nwant:\n%s", got, want)
	}
	// --helm-set goes through scan's code: the value and its origin change.
	got = renderOut(t, project(t, chartFiles), 0, "--helm-set", "privileged=false")
	if !strings.Contains(got, "        privileged: false  # ") {
		t.Errorf("--helm-set privileged=false not applied:\n%s", got)
	}
}

func TestRenderCommandOverlay(t *testing.T) {
	got := renderOut(t, project(t, overlayFiles), 0)
	want := `---
# Source: k/prod (overlay k/prod)
apiVersion: apps/v1  # k/base/deploy.yaml:1 (base)
kind: Deployment  # k/base/deploy.yaml:2 (base)
metadata:  # k/base/deploy.yaml:3 (base)
  name: web  # k/base/deploy.yaml:4 (base)
spec:  # k/base/deploy.yaml:5 (base)
  template:  # k/base/deploy.yaml:6 (base)
    spec:  # k/base/deploy.yaml:7 (base)
      containers:  # k/base/deploy.yaml:8 (base)
      - image: nginx:1.27  # k/base/deploy.yaml:10 (base)
        name: web  # k/base/deploy.yaml:9 (base)
      hostPID: true  # k/prod/patch.yaml:8 (patch)
`
	if got != want {
		t.Errorf("render output:\n%s\nwant:\n%s", got, want)
	}
}

func TestRenderCommandExitCodes(t *testing.T) {
	dir := project(t, map[string]string{
		"failing/Chart.yaml":        "apiVersion: v2\nname: failing\nversion: 0.1.0\n",
		"failing/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ fail \"mode must not be bad\" }}\n",
	})
	got := renderOut(t, dir, 1)
	if !strings.HasPrefix(got, "# problem: failing/templates/cm.yaml:6: ") || !strings.Contains(got, "mode must not be bad") {
		t.Errorf("template fail: want a problem line at failing/templates/cm.yaml:6, got:\n%s", got)
	}
	// Nothing to render, a path that does not exist: bad input.
	renderOut(t, project(t, map[string]string{"Dockerfile": "FROM alpine:3.20\n"}), 2)
	renderOut(t, filepath.Join(t.TempDir(), "missing"), 2)
	renderOut(t, project(t, chartFiles), 2, "--helm-values", filepath.Join(t.TempDir(), "missing.yaml"))
}

// A line of the tree cannot start a CI runner's command in render output.
func TestRenderCommandHygiene(t *testing.T) {
	files := map[string]string{}
	for k, v := range chartFiles {
		files[k] = v
	}
	files["app/templates/cm.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: |\n    ::error::pwned\n    ##[add-mask]x \u202e\n"
	got := renderOut(t, project(t, files), 0)
	if !strings.Contains(got, "ConfigMap") {
		t.Fatalf("no ConfigMap rendered:\n%s", got)
	}
	for _, l := range strings.Split(got, "\n") {
		if workflowCommand(l) || strings.ContainsRune(l, 0x202e) {
			t.Errorf("unsafe line: %q", l)
		}
	}
}

// makeTgz packs files (name → content) as a gzipped tar, as helm package
// does: every name under the chart's directory.
func makeTgz(t *testing.T, dst string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, name := range []string{"priv/Chart.yaml", "priv/values.yaml", "priv/templates/pod.yaml"} {
		body, ok := files[name]
		if !ok {
			continue
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A packaged chart at the top level is a chart: its privileged pod is a
// KS001 finding on line 1 of the .tgz (its files are in no file of the
// tree as text). An archive that is not a chart renders nothing.
func TestRenderPackagedChart(t *testing.T) {
	dir := project(t, map[string]string{".shiplint.yaml": "only: [KS001, render-error]\n"})
	makeTgz(t, filepath.Join(dir, "priv-0.1.0.tgz"), map[string]string{
		"priv/Chart.yaml":  "apiVersion: v2\nname: priv\nversion: 0.1.0\n",
		"priv/values.yaml": "privileged: true\n",
		"priv/templates/pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: priv
spec:
  containers:
    - name: c
      image: nginx:1.27
      securityContext:
        privileged: {{ .Values.privileged }}
`,
	})
	var junk bytes.Buffer
	zw := gzip.NewWriter(&junk)
	zw.Write([]byte("not a tar archive"))
	zw.Close()
	write(t, filepath.Join(dir, "backup.tgz"), junk.String())

	fs := renderScan(t, dir, 1)
	f := wantAt(t, fs, "KS001", "priv-0.1.0.tgz", 1)
	if !strings.Contains(f.Message, "priv/templates/pod.yaml") {
		t.Errorf("KS001 in a .tgz: message %q does not name the template inside", f.Message)
	}
	if f.Snippet != "" {
		t.Errorf("snippet of a .tgz line: %q", f.Snippet)
	}
	if len(fs) != 1 {
		t.Errorf("want only the KS001 finding, got %+v", fs)
	}
	// A value from the user's values file lands on its line, with the
	// archive as the template.
	vals := filepath.Join(dir, "prod-values.yaml")
	write(t, vals, "# prod\nprivileged: true\n")
	f = wantAt(t, renderScan(t, dir, 1, "--helm-values", vals), "KS001", "prod-values.yaml", 2)
	if len(f.Related) != 1 || f.Related[0].Path != "priv-0.1.0.tgz" || f.Related[0].Range.StartLine != 1 || f.Related[0].Role != "template" {
		t.Errorf("KS001 from --helm-values in a .tgz: related %+v, want priv-0.1.0.tgz:1 (template)", f.Related)
	}
	os.Remove(vals)
	// --helm-set reaches a packaged chart too.
	if got := only(renderScan(t, dir, 0, "--helm-set", "privileged=false"), "KS001"); len(got) != 0 {
		t.Errorf("--helm-set privileged=false: KS001 still reported: %+v", got)
	}
	got := renderOut(t, dir, 0)
	if !strings.HasPrefix(got, "---\n# Source: priv-0.1.0.tgz (chart priv (priv/templates/pod.yaml))\napiVersion: v1\n") || !strings.Contains(got, "        privileged: true\n") {
		t.Errorf("render of a .tgz:\n%s", got)
	}
}

// A packaged chart inside a chart directory renders with that chart (its
// hostNetwork lands on the parent's Chart.yaml), not on its own.
func TestPackagedSubchartNotRenderedAlone(t *testing.T) {
	files := map[string]string{".shiplint.yaml": "only: [KS001, KS005, render-error]\n"}
	for k, v := range chartFiles {
		files[k] = v
	}
	dir := project(t, files)
	if err := os.MkdirAll(filepath.Join(dir, "app", "charts"), 0o755); err != nil {
		t.Fatal(err)
	}
	makeTgz(t, filepath.Join(dir, "app", "charts", "priv-0.1.0.tgz"), map[string]string{
		"priv/Chart.yaml":         "apiVersion: v2\nname: priv\nversion: 0.1.0\n",
		"priv/templates/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: priv\nspec:\n  hostNetwork: true\n  containers:\n    - name: c\n      image: nginx:1.27\n",
	})
	fs := renderScan(t, dir, 1)
	for _, f := range fs {
		if strings.HasSuffix(f.Path, ".tgz") {
			t.Errorf("sub-chart archive rendered on its own: %s:%d %s %s", f.Path, f.Range.StartLine, f.RuleID, f.Message)
		}
	}
	var at []string
	for _, f := range only(fs, "KS005") {
		at = append(at, f.Path+":"+itoa(f.Range.StartLine))
	}
	if strings.Join(at, " ") != "app/Chart.yaml:1 app/templates/pod.yaml:11" {
		t.Errorf("KS005 at %v, want the sub-chart's at app/Chart.yaml:1 and the parent's at app/templates/pod.yaml:11", at)
	}
}
