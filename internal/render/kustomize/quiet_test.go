package kustomize

import (
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/confine"
)

// kustomize prints deprecation notices to the process's stderr; a build
// must not: that text would bypass shiplint's escaping and its reports.
func TestBuildWritesNothingToStderr(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"kustomization.yaml":      "bases:\n  - base\nvars:\n  - name: UNUSED\n    objref: {kind: ConfigMap, name: c, apiVersion: v1}\n",
		"base/kustomization.yaml": "resources:\n  - cm.yaml\n",
		"base/cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := confine.NewReader(confine.Limits{}).OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved, savedLog := os.Stderr, log.Writer()
	os.Stderr = w
	log.SetOutput(w)
	res := Render(root, ".")
	os.Stderr = saved
	log.SetOutput(savedLog)
	w.Close()
	out, _ := io.ReadAll(r)
	if len(res.Resources) != 1 {
		t.Fatalf("resources %d, problems %+v", len(res.Resources), res.Problems)
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		t.Errorf("the build wrote to stderr:\n%s", s)
	}
}
