package kubernetes

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const corpusDir = "/work/shared/corpus"

// corpusFiles lists corpus files of one type from MANIFEST.tsv; the test is
// skipped where the shared corpus is absent (CI).
func corpusFiles(t *testing.T, typ string) []string {
	f, err := os.Open(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		t.Skip("corpus absent")
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		c := strings.Split(s.Text(), "\t")
		if len(c) >= 4 && c[3] == typ {
			out = append(out, filepath.Join(corpusDir, strings.ReplaceAll(c[0], "/", "__"), c[2]))
		}
	}
	return out
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
