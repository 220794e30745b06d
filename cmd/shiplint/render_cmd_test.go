package main

import (
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
