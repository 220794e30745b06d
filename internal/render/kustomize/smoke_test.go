package kustomize

import (
	"fmt"
	"os"
	"path"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/shiplint/shiplint/internal/confine"
)

// TestCorpusSmoke renders every Kustomize directory of a corpus laid out
// like ../shared/render-corpus (MANIFEST.tsv) when KUSTOMIZE_CORPUS names
// it; it asserts nothing and prints what built.
func TestCorpusSmoke(t *testing.T) {
	root := os.Getenv("KUSTOMIZE_CORPUS")
	if root == "" {
		t.Skip("KUSTOMIZE_CORPUS not set")
	}
	b, err := os.ReadFile(path.Join(root, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Split(l, "\t")
		if len(f) == 4 && f[3] == "kustomization" {
			dirs = append(dirs, strings.ReplaceAll(f[0], "/", "__")+"/"+f[2])
		}
	}
	rt, err := confine.NewReader(confine.Limits{}).OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	rd := New(rt)
	start := time.Now()
	built, resources := 0, 0
	for _, d := range dirs {
		t0 := time.Now()
		res := rd.Render(d)
		fmt.Printf("TIME %s %v\n", d, time.Since(t0))
		failed := ""
		for _, p := range res.Problems {
			if p.Rule == RuleFailed {
				failed = p.Msg
			}
			fmt.Printf("  problem %s:%d %s: %s\n", p.Location.Path, p.Location.Range.StartLine, p.Rule, p.Msg)
		}
		if failed == "" {
			built++
		}
		resources += len(res.Resources)
		fmt.Printf("%s: %d resources %v\n", d, len(res.Resources), failed == "")
	}
	el := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	sel := Deployable(rt, dirs)
	fmt.Printf("built %d of %d, %d resources, %v, heap sys %d MiB; deployable %d: %v\n", built, len(dirs), resources, el, ms.Sys>>20, len(sel), sel)
}
