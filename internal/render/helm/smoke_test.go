package helm

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/render"
)

// TestCorpusSmoke renders every chart of a corpus laid out like
// ../shared/render-corpus (MANIFEST.tsv: repo, commit, path, kind) when
// SHIPLINT_RENDER_CORPUS names it, and prints what rendered.
func TestCorpusSmoke(t *testing.T) {
	dir := os.Getenv("SHIPLINT_RENDER_CORPUS")
	if dir == "" {
		t.Skip("SHIPLINT_RENDER_CORPUS not set")
	}
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
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
	var charts, ok, resources, withPaths int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 4 || cols[3] != "helm-chart" {
			continue
		}
		charts++
		p := strings.ReplaceAll(cols[0], "/", "__") + "/" + cols[2]
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
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%d of %d charts rendered without error, %d resources, %d mapped values nodes, %v, heap sys %d MB\n",
		ok, charts, resources, withPaths, time.Since(start).Round(time.Millisecond), ms.HeapSys>>20)
}

func countPaths(res render.Result) int {
	n := 0
	for _, r := range res.Resources {
		n += len(r.Paths)
	}
	return n
}
