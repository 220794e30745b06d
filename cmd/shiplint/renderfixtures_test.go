package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/ruletest"
)

var renderSkipped = flag.Bool("render-skipped", false, "also run the render fixtures skipped for a known mapping bug")

// renderFixtures are the directories of testdata/render: each is a small
// tree of charts and overlays whose expected findings are written inline
// (ruletest's "# want: ID" at the end of a values, template or patch line,
// or alone on the line before one), with a .shiplint.yaml whose only:
// names the rules it exercises.
var renderFixtures = []struct {
	dir  string
	what string
	// build adds files that cannot live in the tree (a .tgz), under dir.
	build func(t *testing.T, dir string)
	skip  string
}{
	{dir: "helm-values", what: "privileged from values.yaml, hostNetwork literal in a template, :latest from values"},
	{dir: "helm-subchart", what: "a sub-chart in charts/ with the parent's override in the parent's values.yaml"},
	{dir: "helm-tgz", what: "a packaged .tgz sub-chart with the parent's override", build: buildCacheTgz},
	{dir: "helm-fail", what: "a template fail: render-error at the template line"},
	{dir: "helm-missing-dependency", what: "a dependency not vendored: at Chart.yaml's - name: line"},
	{dir: "kustomize", what: "base, overlays with strategic-merge and JSON6902 patches, a generator, a remote base"},
}

// TestRenderFixtures scans each fixture directory as `shiplint scan -f
// json DIR` does and checks that every expected finding is at its file
// and line, and that nothing else is reported anywhere, for the rules the
// fixture's .shiplint.yaml runs.
func TestRenderFixtures(t *testing.T) {
	for _, fx := range renderFixtures {
		t.Run(fx.dir, func(t *testing.T) {
			if fx.skip != "" && !*renderSkipped {
				t.Skip(fx.skip + " (-render-skipped runs it)")
			}
			src := filepath.Join("testdata", "render", fx.dir)
			if _, err := os.Stat(filepath.Join(src, ".shiplint.yaml")); err != nil {
				t.Fatalf("%s has no .shiplint.yaml pinning only: to the rules it exercises", src)
			}
			dir := t.TempDir()
			copyTree(t, src, dir)
			if fx.build != nil {
				fx.build(t, dir)
			}
			wants := map[string][]ruletest.Want{}
			total := 0
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					t.Fatal(err)
				}
				if d.IsDir() || strings.HasSuffix(p, ".tgz") || d.Name() == ".shiplint.yaml" {
					return nil
				}
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				rel, _ := filepath.Rel(dir, p)
				if w := ruletest.Expectations(b); len(w) > 0 {
					wants[filepath.ToSlash(rel)] = w
					total += len(w)
				}
				return nil
			})
			if total == 0 {
				t.Fatalf("%s: no # want: comment; a fixture must expect a finding", src)
			}
			got := map[string][]finding.Finding{}
			for _, f := range renderScan(t, dir, 1) {
				got[f.Path] = append(got[f.Path], f)
			}
			var paths []string
			for p := range wants {
				paths = append(paths, p)
			}
			for p := range got {
				if _, ok := wants[p]; !ok {
					paths = append(paths, p)
				}
			}
			slices.Sort(paths)
			for _, p := range paths {
				for _, problem := range ruletest.Compare(filepath.ToSlash(filepath.Join(src, p)), wants[p], got[p], nil) {
					t.Error(problem)
				}
			}
		})
	}
}

// copyTree copies the fixture src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// buildCacheTgz packages the sub-chart cache as helm package would, into
// web/charts/cache-0.1.0.tgz: its defaults are safe, the parent's values
// make it privileged.
func buildCacheTgz(t *testing.T, dir string) {
	t.Helper()
	files := []struct{ name, body string }{
		{"cache/Chart.yaml", "apiVersion: v2\nname: cache\nversion: 0.1.0\n"},
		{"cache/values.yaml", "privileged: false\n"},
		{"cache/templates/deployment.yaml", `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-cache
spec:
  selector:
    matchLabels:
      app: cache
  template:
    metadata:
      labels:
        app: cache
    spec:
      containers:
        - name: redis
          image: redis:7.4
          securityContext:
            privileged: {{ .Values.privileged }}
`},
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, f := range files {
		if err := tw.WriteHeader(&tar.Header{Name: f.name, Mode: 0o644, Size: int64(len(f.body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "web", "charts", "cache-0.1.0.tgz"), buf.String())
}
