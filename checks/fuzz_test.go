package checks_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/document"
)

var (
	fuzzPackOnce sync.Once
	fuzzPack     *checks.Pack
)

// FuzzScanFile runs the whole file pipeline — parse, evaluate every
// built-in rule, locate, suppress, fingerprint — on arbitrary bytes as each
// kind. It must never panic, and every finding must point into the file.
// Seeds: every fixture under testdata/rules.
func FuzzScanFile(f *testing.F) {
	filepath.WalkDir("../testdata/rules", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := os.ReadFile(p); err == nil {
				if k, ok := discover.KindOfName(filepath.Base(p)); ok {
					f.Add(b, uint8(kindIndex(k)))
				} else {
					f.Add(b, uint8(2))
				}
			}
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, src []byte, kind uint8) {
		fuzzPackOnce.Do(func() {
			var err error
			if fuzzPack, err = checks.Load(context.Background(), checks.Options{}); err != nil {
				t.Fatal(err)
			}
		})
		k := document.Kinds[int(kind)%len(document.Kinds)]
		start := time.Now()
		res := fuzzPack.ScanFile(context.Background(), checks.File{Path: "fuzz", Kind: k, Source: src}, checks.ScanOptions{EvalTimeout: 5 * time.Second})
		if d := time.Since(start); d > 20*time.Second {
			t.Fatalf("one %d-byte file took %v", len(src), d)
		}
		// YAML, like SARIF, also breaks lines at a lone CR ("\r0" puts
		// the 0 on line 2); buildkit breaks only at LF.
		lf := strings.Count(string(src), "\n")
		anyBreak := strings.Count(strings.ReplaceAll(string(src), "\r\n", "\n"), "\r") + lf
		lines := max(lf, anyBreak) + 1
		for _, f := range res.Findings {
			if f.Range.StartLine < 1 || f.Range.StartLine > lines {
				t.Fatalf("%s at line %d of a %d-line file", f.RuleID, f.Range.StartLine, lines)
			}
			if f.Fingerprint == "" {
				t.Fatalf("%s has no fingerprint", f.RuleID)
			}
		}
	})
}

func kindIndex(k document.Kind) int {
	for i, x := range document.Kinds {
		if x == k {
			return i
		}
	}
	return 0
}
