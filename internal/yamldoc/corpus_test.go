package yamldoc

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const corpusDir = "/work/shared/corpus"

// TestCorpusLocator checks Locator against the recorded positions on every
// Kubernetes and Compose file of the shared corpus (skipped where it is
// absent, as in CI).
func TestCorpusLocator(t *testing.T) {
	f, err := os.Open(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		t.Skip("corpus absent")
	}
	defer f.Close()
	if testing.Short() {
		t.Skip("short")
	}
	s := bufio.NewScanner(f)
	n := 0
	for s.Scan() {
		c := strings.Split(s.Text(), "\t")
		if len(c) < 4 || (c[3] != "kubernetes" && c[3] != "compose") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(corpusDir, strings.ReplaceAll(c[0], "/", "__"), c[2]))
		if err != nil {
			t.Fatal(err)
		}
		checkLocatorExtras(t, src, Options{}, nil)
		n++
	}
	t.Logf("%d files", n)
}
