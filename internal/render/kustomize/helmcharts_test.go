package kustomize

import (
	"reflect"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/render"
)

var helmChartTree = map[string]string{
	"k/kustomization.yaml": `namespace: apps
resources:
  - cm.yaml
patches:
  - path: patch.yaml
helmCharts:
  - name: web
    version: 0.1.0
    releaseName: rel
    namespace: web-ns
    valuesFile: values-prod.yaml
    valuesInline:
      image: nginx:1.27
      securityContext:
        privileged: true
`,
	"k/patch.yaml":             "apiVersion: v1\nkind: Pod\nmetadata:\n  name: rel-web\n  namespace: web-ns\nspec:\n  hostPID: true\n",
	"k/cm.yaml":                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n",
	"k/values-prod.yaml":       "image: busybox:1.37\nreplicas: 2\n",
	"k/charts/web/Chart.yaml":  "apiVersion: v2\nname: web\nversion: 0.1.0\n",
	"k/charts/web/values.yaml": "image: busybox:latest\nreplicas: 1\nsecurityContext:\n  privileged: false\n",
	"k/charts/web/templates/pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-web
  namespace: {{ .Release.Namespace }}
spec:
  containers:
    - name: app
      image: {{ .Values.image }}
      securityContext:
        privileged: {{ .Values.securityContext.privileged }}
  hostNetwork: true
`,
}

// A helmCharts entry whose chart is in the tree is rendered by our Helm
// renderer: values from valuesInline land on their line of the
// kustomization, literal template settings on the template line, and
// every chain ends with the helmCharts entry.
func TestHelmChartsInflated(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, helmChartTree)
	res := Render(openRoot(t, dir), "k")
	for _, p := range res.Problems {
		t.Errorf("problem %s:%d %s: %s", p.Location.Path, p.Location.Range.StartLine, p.Rule, p.Msg)
	}
	const k = "k/kustomization.yaml"
	const tpl = "k/charts/web/templates/pod.yaml"
	find(t, res, "kind: ConfigMap", "  namespace: apps")
	// The kustomization's namespace applies to the chart's resources too.
	pod := find(t, res, "kind: Pod", "  name: rel-web", "  namespace: apps")
	entry := origin{k, 7, render.Kustomization}
	wantPath(t, pod, "/spec/containers/0/securityContext/privileged",
		origin{k, 15, render.Values}, origin{tpl, 11, render.Template}, entry)
	// valuesInline overrides valuesFile, which overrides the chart's values.
	wantPath(t, pod, "/spec/containers/0/image",
		origin{k, 13, render.Values}, origin{tpl, 9, render.Template}, entry)
	wantPath(t, pod, "/metadata/namespace",
		origin{k, 1, render.Kustomization}, origin{tpl, 5, render.Template}, entry)
	// A patch of the kustomization applies to the chart's resources.
	wantPath(t, pod, "/spec/hostPID", origin{"k/patch.yaml", 7, render.Patch}, entry)
	wantLine(t, pod, "hostNetwork: true", origin{tpl, 12, render.Template})
	for i, l := range strings.Split(strings.TrimSuffix(string(pod.Text), "\n"), "\n") {
		if c := pod.Lines[i]; len(c) == 0 || c[len(c)-1] != (render.Location{Path: k, Range: entry2(), Role: render.Kustomization}) {
			t.Errorf("line %d %q: chain %v does not end with the helmCharts entry", i+1, l, chainOf(c))
		}
	}
	for _, in := range []string{tpl, "k/charts/web/values.yaml", "k/values-prod.yaml"} {
		found := false
		for _, got := range res.Inputs {
			found = found || got == in
		}
		if !found {
			t.Errorf("inputs %v lack %s", res.Inputs, in)
		}
	}
}

func entry2() (r document.Range) { r.StartLine, r.EndLine, r.StartColumn = 7, 7, 5; return }

// A chart not in the tree stays render-skipped; valuesMerge: merge lets
// the file win over the inline values.
func TestHelmChartsMissingAndMerge(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for n, v := range helmChartTree {
		files[n] = v
	}
	files["k/kustomization.yaml"] = `helmCharts:
  - name: web
    valuesFile: values-prod.yaml
    valuesMerge: merge
    valuesInline: {image: "nginx:1.27"}
  - name: redis
    repo: https://charts.example.com
`
	write(t, dir, files)
	res := Render(openRoot(t, dir), "k")
	var got []origin
	for _, p := range res.Problems {
		got = append(got, origin{p.Location.Path, p.Location.Range.StartLine, p.Location.Role})
	}
	if want := []origin{{"k/kustomization.yaml", 6, render.Kustomization}}; !reflect.DeepEqual(got, want) || !strings.Contains(res.Problems[0].Msg, "not in the scanned tree") {
		t.Fatalf("problems %v (%v), want %v", got, res.Problems, want)
	}
	pod := find(t, res, "kind: Pod", "- image: busybox:1.37")
	wantPath(t, pod, "/spec/containers/0/image",
		origin{"k/values-prod.yaml", 1, render.Values}, origin{"k/charts/web/templates/pod.yaml", 9, render.Template}, origin{"k/kustomization.yaml", 2, render.Kustomization})
}

// A chart whose resources kustomize refuses (here two objects with the
// same id) leaves the overlay rendered without them, with a problem at
// the helmCharts entry.
func TestHelmChartsRefusedByKustomize(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"k/kustomization.yaml":           "resources:\n  - cm.yaml\nhelmCharts:\n  - name: dup\n",
		"k/cm.yaml":                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n",
		"k/charts/dup/Chart.yaml":        "apiVersion: v2\nname: dup\nversion: 0.1.0\n",
		"k/charts/dup/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: c\n",
	})
	res := Render(openRoot(t, dir), "k")
	if len(res.Problems) != 1 || res.Problems[0].Rule != RuleFailed || res.Problems[0].Location.Range.StartLine != 4 {
		t.Fatalf("problems %+v, want one render-error at line 4", res.Problems)
	}
	find(t, res, "kind: ConfigMap", "  a: b")
	if len(res.Resources) != 1 {
		t.Errorf("%d resources, want 1", len(res.Resources))
	}
}
