package compose

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCorpus(t *testing.T) {
	const dir = "/work/shared/corpus"
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Skip("corpus absent")
	}
	defer f.Close()
	n, failed := 0, 0
	s := bufio.NewScanner(f)
	for s.Scan() {
		c := strings.Split(s.Text(), "\t")
		if len(c) < 4 || c[3] != "compose" {
			continue
		}
		p := filepath.Join(dir, strings.ReplaceAll(c[0], "/", "__"), c[2])
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		n++
		if _, err := Parse(p, src); err != nil {
			failed++
			t.Logf("%v", err)
		}
	}
	t.Logf("%d files, %d errors", n, failed)
}
