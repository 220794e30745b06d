package checks_test

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/testcorpus"
)

// corpusDir is the real-world corpus benchmarks scan (testcorpus.Dir):
// SHIPLINT_BENCH_CORPUS, or shared/corpus beside the repository.
func corpusDir(b *testing.B) string {
	dir, ok := testcorpus.Dir()
	if !ok {
		b.Skipf("no corpus at %s (set SHIPLINT_BENCH_CORPUS)", dir)
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

// BenchmarkLoadOneKind is the start-up cost of a one-file scan: parse the
// pack, compile one kind's rules.
func BenchmarkLoadOneKind(b *testing.B) {
	for range b.N {
		if _, err := checks.Load(context.Background(), checks.Options{Kinds: []document.Kind{document.Kubernetes}}); err != nil {
			b.Fatal(err)
		}
	}
}

func filesOfKind(files []checks.File, k document.Kind) []checks.File {
	var out []checks.File
	for _, f := range files {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// BenchmarkParse measures the parsers alone, per kind, over the corpus.
func BenchmarkParse(b *testing.B) {
	all := loadCorpus(b, corpusDir(b))
	for _, k := range document.Kinds {
		files := filesOfKind(all, k)
		b.Run(string(k), func(b *testing.B) {
			var bytes int64
			for _, f := range files {
				bytes += int64(len(f.Source))
			}
			b.SetBytes(bytes)
			for range b.N {
				for _, f := range files {
					checks.Parse(f)
				}
			}
			b.ReportMetric(float64(len(files)), "files")
		})
	}
}

// BenchmarkEvaluate measures rule evaluation alone, per kind, on one core:
// the documents are parsed before the timer starts.
func BenchmarkEvaluate(b *testing.B) {
	all := loadCorpus(b, corpusDir(b))
	ctx := context.Background()
	pack, err := checks.Load(ctx, checks.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range document.Kinds {
		type parsed struct {
			docs  []*document.Document
			lines []string
		}
		var inputs []parsed
		for _, f := range filesOfKind(all, k) {
			docs, _ := checks.Parse(f)
			inputs = append(inputs, parsed{docs, strings.Split(string(f.Source), "\n")})
		}
		b.Run(string(k), func(b *testing.B) {
			n := 0
			for range b.N {
				for _, in := range inputs {
					for _, d := range in.docs {
						if _, err := pack.Evaluate(ctx, d, in.lines); err != nil {
							b.Fatal(err)
						}
						n++
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(max(n, 1)), "µs/doc")
		})
	}
}
