package checks_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/discover"
)

// corpusDir is the real-world corpus benchmarks scan:
// SHIPLINT_BENCH_CORPUS, or ../../shared/corpus beside the repository.
func corpusDir(b *testing.B) string {
	dir := os.Getenv("SHIPLINT_BENCH_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus")
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no corpus at %s (set SHIPLINT_BENCH_CORPUS): %v", dir, err)
	}
	return dir
}

func loadCorpus(b *testing.B, dir string) []checks.File {
	var files []checks.File
	discover.Walk([]string{dir}, discover.Options{Root: dir}, func(e discover.Event) bool {
		if e.File != nil {
			files = append(files, checks.File{Path: e.File.Path, Kind: e.File.Kind, Source: e.File.Source, ReadFile: e.File.ReadFile})
		}
		return true
	})
	return files
}

// BenchmarkLoad is the start-up cost: read, parse and compile the
// embedded rule pack.
func BenchmarkLoad(b *testing.B) {
	for range b.N {
		if _, err := checks.Load(context.Background(), checks.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanCorpus scans the whole corpus (parse + evaluate) with the
// pack already loaded, on every core.
func BenchmarkScanCorpus(b *testing.B) {
	files := loadCorpus(b, corpusDir(b))
	pack, err := checks.Load(context.Background(), checks.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		res := pack.Scan(context.Background(), sliceSource(files), checks.ScanOptions{Workers: runtime.GOMAXPROCS(0)})
		b.ReportMetric(float64(len(res.Findings)), "findings")
	}
	b.ReportMetric(float64(len(files)), "files")
}

func sliceSource(files []checks.File) checks.Source {
	return func(yield func(checks.File, error) bool) {
		for _, f := range files {
			if !yield(f, nil) {
				return
			}
		}
	}
}
