package kustomize

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/render"
)

func openRoot(t *testing.T, dir string) *confine.Root {
	t.Helper()
	rt, err := confine.NewReader(confine.Limits{}).OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	return rt
}

// find returns the rendered resource whose text has all of the lines.
func find(t *testing.T, res render.Result, lines ...string) render.Resource {
	t.Helper()
next:
	for _, r := range res.Resources {
		for _, l := range lines {
			if !strings.Contains(string(r.Text), l+"\n") {
				continue next
			}
		}
		return r
	}
	t.Fatalf("no resource with %q in %d resources", lines, len(res.Resources))
	return render.Resource{}
}

type origin struct {
	path string
	line int
	role render.Role
}

func chainOf(c render.Chain) []origin {
	var out []origin
	for _, l := range c {
		out = append(out, origin{l.Path, l.Range.StartLine, l.Role})
	}
	return out
}

func wantPath(t *testing.T, r render.Resource, key string, want ...origin) {
	t.Helper()
	got := chainOf(r.Paths[key])
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: chain %v, want %v", key, got, want)
	}
}

// wantLine checks the chain of the rendered line holding text.
func wantLine(t *testing.T, r render.Resource, text string, want origin) {
	t.Helper()
	for i, l := range strings.Split(string(r.Text), "\n") {
		if strings.TrimSpace(l) == text {
			if i >= len(r.Lines) || len(r.Lines[i]) == 0 {
				t.Fatalf("line %d %q has no chain", i+1, text)
			}
			if got := chainOf(r.Lines[i][:1])[0]; got != want {
				t.Errorf("line %d %q: %v, want %v", i+1, text, got, want)
			}
			return
		}
	}
	t.Fatalf("no rendered line %q in\n%s", text, r.Text)
}

const (
	kProd   = "overlays/prod/kustomization.yaml"
	baseDep = "base/deployment.yaml"
	baseSvc = "base/service.yaml"
)

func TestOverlaySourceMap(t *testing.T) {
	res := Render(openRoot(t, "testdata/tree"), "overlays/prod")
	if len(res.Problems) != 0 {
		t.Fatalf("problems: %+v", res.Problems)
	}
	if len(res.Resources) != 3 {
		t.Fatalf("%d resources, want 3", len(res.Resources))
	}
	for _, r := range res.Resources {
		if strings.Contains(string(r.Text), "config.kubernetes.io") {
			t.Errorf("origin annotations left in the output:\n%s", r.Text)
		}
		if r.From != "overlay overlays/prod" {
			t.Errorf("From = %q", r.From)
		}
		if n := strings.Count(string(r.Text), "\n"); len(r.Lines) != n {
			t.Errorf("%d line chains for %d lines", len(r.Lines), n)
		}
	}
	entry := origin{"base/kustomization.yaml", 4, render.Kustomization}
	via := origin{kProd, 5, render.Kustomization} // - ../../base

	dep := find(t, res, "kind: Deployment", "  name: prod-web")
	// A strategic-merge patch set it: the patch line, then the base line.
	wantPath(t, dep, "/spec/template/spec/containers/0/securityContext/privileged",
		origin{"overlays/prod/privileged.yaml", 11, render.Patch}, origin{baseDep, 23, render.Base}, entry, via)
	wantLine(t, dep, "privileged: true", origin{"overlays/prod/privileged.yaml", 11, render.Patch})
	// A JSON6902 patch file: the value: line of its op.
	wantPath(t, dep, "/spec/replicas",
		origin{"overlays/prod/replicas.json.yaml", 3, render.Patch}, origin{baseDep, 8, render.Base}, entry, via)
	wantPath(t, dep, "/spec/template/spec/containers/1/resources/limits/memory",
		origin{"overlays/prod/replicas.json.yaml", 8, render.Patch}, entry, via)
	// Untouched by any patch: the base file's line.
	wantPath(t, dep, "/spec/template/spec/containers/0/image", origin{baseDep, 21, render.Base}, entry, via)
	wantLine(t, dep, "- image: nginx:1.27", origin{baseDep, 20, render.Base})
	wantPath(t, dep, "/spec/selector/matchLabels/app", origin{baseDep, 11, render.Base}, entry, via)
	// A component's patch.
	wantPath(t, dep, "/spec/template/spec/containers/0/readinessProbe/httpGet/path",
		origin{"components/probe/probe.yaml", 12, render.Patch}, entry, via)
	// Transformers of the kustomization: images, namePrefix.
	wantPath(t, dep, "/spec/template/spec/containers/1/image",
		origin{kProd, 21, render.Kustomization}, origin{baseDep, 19, render.Base}, entry, via)
	wantPath(t, dep, "/metadata/name",
		origin{kProd, 3, render.Kustomization}, origin{baseDep, 4, render.Base}, entry, via)

	// An inline JSON6902 patch: the value: line inside the kustomization.
	svc := find(t, res, "kind: Service")
	wantPath(t, svc, "/spec/ports/0/port", origin{kProd, 19, render.Patch}, origin{"base/kustomization.yaml", 5, render.Kustomization}, via)
	wantPath(t, svc, "/spec/selector/app", origin{baseSvc, 7, render.Base}, origin{"base/kustomization.yaml", 5, render.Kustomization}, via)

	// A generated object: the generator's lines.
	cm := find(t, res, "kind: ConfigMap")
	wantPath(t, cm, "/data/LOG_LEVEL", origin{kProd, 26, render.Generator})
	wantPath(t, cm, "/data/MODE", origin{kProd, 27, render.Generator})
	wantPath(t, cm, "/metadata/name", origin{kProd, 24, render.Generator})
	wantLine(t, cm, "kind: ConfigMap", origin{kProd, 24, render.Generator})

	want := []string{"base/deployment.yaml", "base/kustomization.yaml", "base/service.yaml",
		"components/probe/kustomization.yaml", "components/probe/probe.yaml",
		kProd, "overlays/prod/privileged.yaml", "overlays/prod/replicas.json.yaml"}
	if !reflect.DeepEqual(res.Inputs, want) {
		t.Errorf("inputs %v, want %v", res.Inputs, want)
	}
}

func TestSkippedEntries(t *testing.T) {
	res := Render(openRoot(t, "testdata/tree"), "overlays/staging")
	const k = "overlays/staging/kustomization.yaml"
	var got []origin
	for _, p := range res.Problems {
		if p.Rule != RuleSkipped {
			t.Errorf("rule %q: %s", p.Rule, p.Msg)
		}
		got = append(got, origin{p.Location.Path, p.Location.Range.StartLine, p.Location.Role})
	}
	want := []origin{{k, 6, render.Kustomization}, {k, 8, render.Kustomization}, {k, 11, render.Kustomization}, {k, 21, render.Kustomization}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("problems at %v, want %v", got, want)
	}
	for i, words := range []string{`remote resource "github.com/org/repo//x?ref=v1"`, `helmCharts entry "redis" not rendered: its chart is not in the scanned tree`, "(Exec) not run", `"https://example.com/patch.yaml" not read: it is a URL`} {
		if !strings.Contains(res.Problems[i].Msg, words) {
			t.Errorf("problem %d: %q does not say %q", i, res.Problems[i].Msg, words)
		}
	}
	// The rest still renders, without what was skipped.
	if len(res.Resources) != 2 {
		t.Fatalf("%d resources, want 2", len(res.Resources))
	}
	dep := find(t, res, "kind: Deployment", "  namespace: staging")
	wantPath(t, dep, "/metadata/namespace", origin{k, 3, render.Kustomization}, origin{"base/kustomization.yaml", 4, render.Kustomization}, origin{k, 5, render.Kustomization})
}

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSymlinkOutsideRefused(t *testing.T) {
	tmp := t.TempDir()
	root := filepath.Join(tmp, "root")
	write(t, tmp, map[string]string{
		"outside/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\nstringData:\n  token: canary-7f3a\n",
		"root/app/kustomization.yaml": "resources:\n  - deploy.yaml\n  - leak.yaml\n  - ../../outside\n" +
			"patches:\n  - path: leakpatch.yaml\n",
		"root/app/deploy.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  a: b\n",
	})
	for _, l := range []string{"leak.yaml", "leakpatch.yaml"} {
		if err := os.Symlink(filepath.Join(tmp, "outside/secret.yaml"), filepath.Join(root, "app", l)); err != nil {
			t.Fatal(err)
		}
	}
	res := Render(openRoot(t, root), "app")
	var got []origin
	for _, p := range res.Problems {
		got = append(got, origin{p.Location.Path, p.Location.Range.StartLine, render.Role(p.Rule)})
		if !strings.Contains(p.Msg, "leads out of the scanned directory") {
			t.Errorf("message %q does not say why", p.Msg)
		}
	}
	want := []origin{{"app/kustomization.yaml", 3, RuleSkipped}, {"app/kustomization.yaml", 4, RuleSkipped}, {"app/kustomization.yaml", 6, RuleSkipped}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("problems %v, want %v (%+v)", got, want, res.Problems)
	}
	if len(res.Resources) != 1 || strings.Contains(string(res.Resources[0].Text), "canary") {
		t.Fatalf("resources: %+v", res.Resources)
	}
	wantPath(t, res.Resources[0], "/data/a", origin{"app/deploy.yaml", 6, render.Base}, origin{"app/kustomization.yaml", 2, render.Kustomization})
	if want := []string{"app/deploy.yaml", "app/kustomization.yaml"}; !reflect.DeepEqual(res.Inputs, want) {
		t.Errorf("inputs %v, want %v", res.Inputs, want)
	}
}

func TestBuildFailureIsOneProblem(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"app/kustomization.yaml": "resources:\n  - cm.yaml\npatches:\n  - path: p.yaml\n",
		"app/cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n",
		"app/p.yaml":             "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  x: y\n",
	})
	res := Render(openRoot(t, root), "app")
	if len(res.Problems) != 1 || len(res.Resources) != 0 {
		t.Fatalf("problems %+v, %d resources", res.Problems, len(res.Resources))
	}
	p := res.Problems[0]
	if p.Rule != RuleFailed || p.Location.Path != "app/kustomization.yaml" || p.Location.Range.StartLine != 1 ||
		!strings.Contains(p.Msg, "overlay not rendered") || strings.Contains(p.Msg, vroot) {
		t.Errorf("problem %+v", p)
	}
}

func TestDeployable(t *testing.T) {
	rt := openRoot(t, "testdata/tree")
	dirs := []string{"base", "components/probe", "overlays/prod", "overlays/staging", "standalone"}
	got := Deployable(rt, dirs)
	want := []string{"overlays/prod", "overlays/staging", "standalone"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Deployable = %v, want %v", got, want)
	}
}

func TestFileSystemIsReadOnlyAndConfined(t *testing.T) {
	fs := newFS(New(openRoot(t, "testdata/tree")))
	if err := fs.WriteFile(vroot+"/base/x.yaml", []byte("x")); err == nil {
		t.Error("WriteFile succeeded")
	}
	if _, err := fs.Create(vroot + "/base/x.yaml"); err == nil {
		t.Error("Create succeeded")
	}
	if err := fs.MkdirAll(vroot + "/new"); err == nil {
		t.Error("MkdirAll succeeded")
	}
	if err := fs.RemoveAll(vroot + "/base"); err == nil {
		t.Error("RemoveAll succeeded")
	}
	if _, err := fs.ReadFile(vroot + "/../etc/passwd"); err == nil {
		t.Error("read above the root")
	}
	if _, _, err := fs.CleanedAbs(vroot + "/../.."); err == nil {
		t.Error("CleanedAbs above the root")
	}
	if !fs.IsDir(vroot+"/base") || fs.IsDir(vroot+"/base/deployment.yaml") || !fs.Exists(vroot+"/base/deployment.yaml") {
		t.Error("IsDir/Exists wrong")
	}
	f, err := fs.Open(vroot + "/base/deployment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("x")); err == nil {
		t.Error("file Write succeeded")
	}
}

func TestLightenKeepsLines(t *testing.T) {
	in := "kind: CustomResourceDefinition\nspec:\n  versions:\n    - name: v1\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              description: |\n                long\n      served: true\n---\nkind: Other\n"
	out := string(lighten([]byte(in)))
	if strings.Count(out, "\n") != strings.Count(in, "\n") {
		t.Fatalf("line count changed:\n%s", out)
	}
	lines := strings.Split(out, "\n")
	if lines[5] != "        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}" || lines[6] != "" || lines[10] != "" ||
		lines[11] != "      served: true" || lines[13] != "kind: Other" {
		t.Errorf("lightened:\n%s", out)
	}
}

func TestAliasBombRefused(t *testing.T) {
	root := t.TempDir()
	bomb := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := 0; i < 8; i++ {
		name := string(rune('b' + i))
		bomb += "  " + name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	write(t, root, map[string]string{
		"app/kustomization.yaml": "resources:\n  - ok.yaml\n  - bomb.yaml\n",
		"app/ok.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n",
		"app/bomb.yaml":          bomb,
	})
	res := Render(openRoot(t, root), "app")
	if len(res.Problems) != 1 || res.Problems[0].Location.Range.StartLine != 3 || res.Problems[0].Rule != RuleSkipped ||
		!strings.Contains(res.Problems[0].Msg, "within the parser's limits") {
		t.Fatalf("problems %+v", res.Problems)
	}
	if len(res.Resources) != 1 {
		t.Fatalf("%d resources, want the one that is not a bomb", len(res.Resources))
	}
}

// A local directory whose name kustomize's git URL parser accepts would be
// cloned (git run) before kustomize looks on disk: it is skipped.
func TestLocalDirNamedLikeARepoIsNotCloned(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"app/kustomization.yaml":                     "resources:\n  - cm.yaml\n  - github.com/org/repo\n",
		"app/cm.yaml":                                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n",
		"app/github.com/org/repo/kustomization.yaml": "resources:\n  - cm.yaml\n",
		"app/github.com/org/repo/cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n",
	})
	res := Render(openRoot(t, root), "app")
	if len(res.Problems) != 1 || res.Problems[0].Location.Range.StartLine != 3 || !strings.Contains(res.Problems[0].Msg, "remote resource") {
		t.Fatalf("problems %+v", res.Problems)
	}
	if len(res.Resources) != 1 {
		t.Fatalf("%d resources", len(res.Resources))
	}
}

func TestLegacyPatchFieldsAndTargets(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"app/kustomization.yaml": `resources:
  - pods.yaml
patchesStrategicMerge:
  - smp.yaml
patchesJson6902:
  - target:
      version: v1
      kind: Pod
      name: b
    path: ops.yaml
patches:
  - target:
      kind: Pod
      labelSelector: tier=web
    patch: |-
      - op: add
        path: /spec/hostNetwork
        value: true
`,
		"app/pods.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: a
  labels:
    tier: web
spec:
  containers:
    - name: c
      image: x:1
---
apiVersion: v1
kind: Pod
metadata:
  name: b
spec:
  containers:
    - name: c
      image: y:1
`,
		"app/smp.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  containers:
    - name: c
      image: x:2
`,
		"app/ops.yaml": `- op: replace
  path: /spec/containers/0/image
  value: y:2
`,
	})
	res := Render(openRoot(t, root), "app")
	if len(res.Problems) != 0 || len(res.Resources) != 2 {
		t.Fatalf("problems %+v, %d resources", res.Problems, len(res.Resources))
	}
	entry := origin{"app/kustomization.yaml", 2, render.Kustomization}
	a := find(t, res, "  name: a")
	wantPath(t, a, "/spec/containers/0/image", origin{"app/smp.yaml", 8, render.Patch}, origin{"app/pods.yaml", 10, render.Base}, entry)
	wantPath(t, a, "/spec/hostNetwork", origin{"app/kustomization.yaml", 18, render.Patch}, entry)
	wantPath(t, a, "/spec/containers/0/name", origin{"app/pods.yaml", 9, render.Base}, entry)
	b := find(t, res, "  name: b")
	wantPath(t, b, "/spec/containers/0/image", origin{"app/ops.yaml", 3, render.Patch}, origin{"app/pods.yaml", 19, render.Base}, entry)
	if _, ok := b.Paths["/spec/hostNetwork"]; ok {
		t.Error("the label-selected patch applied to the pod without the label")
	}
	wantPath(t, b, "/metadata/name", origin{"app/pods.yaml", 15, render.Base}, entry)
}

// One Renderer serves the overlays of a scan from several goroutines, and
// gives each the same result as alone.
func TestRendererConcurrent(t *testing.T) {
	rd := New(openRoot(t, "testdata/tree"))
	alone := map[string]render.Result{}
	for _, d := range []string{"overlays/prod", "overlays/staging", "standalone"} {
		alone[d] = Render(openRoot(t, "testdata/tree"), d)
	}
	done := make(chan struct{})
	for i := 0; i < 6; i++ {
		go func(d string) {
			defer func() { done <- struct{}{} }()
			if got := rd.Render(d); !reflect.DeepEqual(got, alone[d]) {
				t.Errorf("%s: concurrent result differs", d)
			}
		}([]string{"overlays/prod", "overlays/staging", "standalone"}[i%3])
	}
	for i := 0; i < 6; i++ {
		<-done
	}
}
