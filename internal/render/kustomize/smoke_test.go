package kustomize

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/render"
	"github.com/shiplint/shiplint/internal/testcorpus"
)

// TestCorpusSmoke renders every Kustomize directory of a corpus laid out
// like ../shared/render-corpus (MANIFEST.tsv) when KUSTOMIZE_CORPUS names
// it; it asserts nothing and prints what built.
func TestCorpusSmoke(t *testing.T) {
	root := os.Getenv("KUSTOMIZE_CORPUS")
	if root == "" {
		t.Skip("KUSTOMIZE_CORPUS not set")
	}
	dirs, err := testcorpus.Entries(root, "kustomization")
	if err != nil {
		t.Fatal(err)
	}
	rt, err := confine.NewReader(confine.Limits{}).OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	rd := New(rt)
	start := time.Now()
	built, resources, checked, bad := 0, 0, 0, 0
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
		for _, r := range res.Resources {
			for key, c := range r.Paths {
				checked++
				if msg := checkLoc(rt, key, c); msg != "" {
					bad++
					if bad <= 30 {
						fmt.Printf("  BADLOC %s %s: %s\n", d, key, msg)
					}
				}
			}
		}
		fmt.Printf("%s: %d resources %v\n", d, len(res.Resources), failed == "")
	}
	el := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	sel := Deployable(rt, dirs)
	rd2 := New(rt)
	t1 := time.Now()
	okSel := 0
	for _, d := range sel {
		failed := false
		for _, p := range rd2.Render(d).Problems {
			failed = failed || p.Rule == RuleFailed
		}
		if !failed {
			okSel++
		}
	}
	fmt.Printf("deployable: %d of %d build, %v\n", okSel, len(sel), time.Since(t1))
	fmt.Printf("locations checked %d, not on a line naming the key %d\n", checked, bad)
	fmt.Printf("built %d of %d, %d resources, %v, heap sys %d MiB; deployable %d: %v\n", built, len(dirs), resources, el, ms.Sys>>20, len(sel), sel)
}

var lineCache = map[string][]string{}

// checkLoc says what is wrong with the first location of a node's chain:
// a patch or base line must name the node's key (or be a list item).
func checkLoc(rt *confine.Root, key string, c render.Chain) string {
	if len(c) == 0 {
		return "no chain"
	}
	l := c[0]
	lines, ok := lineCache[l.Path]
	if !ok {
		b, _, err := rt.ReadFile(l.Path)
		if err != nil {
			return err.Error()
		}
		lines = strings.Split(string(b), "\n")
		lineCache[l.Path] = lines
	}
	n := l.Range.StartLine
	if n < 1 || n > len(lines) {
		return fmt.Sprintf("line %d of %d", n, len(lines))
	}
	if l.Role != render.Base && l.Role != render.Patch || key == "" {
		return ""
	}
	last := key[strings.LastIndexByte(key, '/')+1:]
	last = strings.ReplaceAll(strings.ReplaceAll(last, "~1", "/"), "~0", "~")
	text := lines[n-1]
	if strings.Contains(text, last) || strings.Contains(text, "- ") || strings.Contains(text, "value:") || strings.Contains(text, "path:") || strings.Contains(text, "[") || strings.Contains(text, "openAPIV3Schema") {
		return ""
	}
	return fmt.Sprintf("%s:%d (%s) %q", l.Path, n, l.Role, strings.TrimSpace(text))
}
