package kubernetes

import (
	"os"
	"testing"

	"github.com/shiplint/shiplint/internal/testcorpus"
)

// corpusFiles lists corpus files of one type; the test is skipped where
// the shared corpus is absent (CI).
func corpusFiles(t *testing.T, typ string) []string {
	files, ok := testcorpus.Files(typ)
	if !ok {
		t.Skip("corpus absent")
	}
	return files
}

func TestCorpus(t *testing.T) {
	files := corpusFiles(t, "kubernetes")
	failed, resources := 0, 0
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := Parse(p, src)
		resources += len(docs)
		if err != nil {
			failed++
			t.Logf("%v (looks=%v)", err, Looks(src))
		}
	}
	t.Logf("%d files, %d resources, %d errors", len(files), resources, failed)
}
