package helm

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/render"
	"github.com/shiplint/shiplint/internal/testcorpus"
)

// TestCorpusSmoke renders every chart of a corpus laid out like
// ../shared/render-corpus (MANIFEST.tsv: repo, commit, path, kind) when
// SHIPLINT_RENDER_CORPUS names it, and prints what rendered.
func TestCorpusSmoke(t *testing.T) {
	dir := os.Getenv("SHIPLINT_RENDER_CORPUS")
	if dir == "" {
		t.Skip("SHIPLINT_RENDER_CORPUS not set")
	}
	charts, err := testcorpus.Entries(dir, "helm-chart")
	if err != nil {
		t.Fatal(err)
	}
	rt, err := confine.NewReader(confine.Limits{}).OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files, unmapped, lines, differ int
	onFile = func(name string, n, d int, mapped bool) {
		files++
		lines += n
		differ += d
		if !mapped {
			unmapped++
			fmt.Printf("\tunmapped file %s\n", name)
		}
	}
	defer func() { onFile = nil }()
	start := time.Now()
	var ok, resources, withPaths, literalLines, badLines, badPaths int
	for _, p := range charts {
		t0 := time.Now()
		res := Render(rt, p, Options{})
		mapped := 0
		for _, r := range res.Resources {
			if r.Lines != nil {
				mapped++
			}
			withPaths += len(r.Paths)
		}
		resources += len(res.Resources)
		for _, r := range res.Resources {
			for _, c := range r.Paths {
				for _, loc := range c {
					src := fileLines(dir, loc.Path)
					if loc.Range.StartLine < 1 || loc.Range.StartLine > len(src) {
						badPaths++
						continue
					}
					tl := strings.TrimSpace(src[loc.Range.StartLine-1])
					switch {
					case loc.Role == render.Template && !strings.Contains(tl, "{{"),
						loc.Role == render.Values && (tl == "" || strings.HasPrefix(tl, "#")):
						badPaths++
						fmt.Printf("\tpath origin on a line that cannot be it: %s:%d %q\n", loc.Path, loc.Range.StartLine, tl)
					}
				}
			}
			for i, l := range splitLines(r.Text) {
				if i >= len(r.Lines) || len(r.Lines[i]) == 0 {
					continue
				}
				loc := r.Lines[i][0]
				src := fileLines(dir, loc.Path)
				if loc.Range.StartLine < 1 || loc.Range.StartLine > len(src) {
					badLines++
					continue
				}
				tl := src[loc.Range.StartLine-1]
				if strings.Contains(tl, "{{") || strings.TrimSpace(tl) == "" {
					continue
				}
				literalLines++
				if strings.TrimSpace(tl) != strings.TrimSpace(l) {
					badLines++
					if badLines < 10 {
						fmt.Printf("\tliteral line differs: %s:%d %q rendered %q\n", loc.Path, loc.Range.StartLine, tl, l)
					}
				}
			}
		}
		status := "ok"
		for _, pr := range res.Problems {
			if pr.Rule == RuleError {
				status = "FAIL"
			}
		}
		if status == "ok" {
			ok++
		}
		fmt.Printf("%s\t%s\t%d resources (%d mapped, %d values nodes)\t%v\n", status, p, len(res.Resources), mapped, countPaths(res), time.Since(t0).Round(time.Millisecond))
		for _, pr := range res.Problems {
			msg := pr.Msg
			if len(msg) > 200 {
				msg = msg[:200]
			}
			fmt.Printf("\t%s %s:%d %s\n", pr.Rule, pr.Location.Path, pr.Location.Range.StartLine, msg)
		}
	}
	fmt.Printf("%d files rendered, %d without a line map; %d lines, %d differing between the plain and the instrumented render\n", files, unmapped, lines, differ)
	fmt.Printf("%d rendered lines come from a template line without {{ }}; %d of them differ from it\n", literalLines, badLines)
	fmt.Printf("%d values origins on a line that cannot be theirs\n", badPaths)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%d of %d charts rendered without error, %d resources, %d mapped values nodes, %v, heap sys %d MB\n",
		ok, len(charts), resources, withPaths, time.Since(start).Round(time.Millisecond), ms.HeapSys>>20)
}

func countPaths(res render.Result) int {
	n := 0
	for _, r := range res.Resources {
		n += len(r.Paths)
	}
	return n
}

var fileCache = map[string][]string{}

func fileLines(root, p string) []string {
	if l, ok := fileCache[p]; ok {
		return l
	}
	b, _ := os.ReadFile(filepath.Join(root, p))
	l := strings.Split(string(b), "\n")
	fileCache[p] = l
	return l
}
