package yamldoc

import (
	"os"
	"testing"

	"github.com/shiplint/shiplint/internal/testcorpus"
)

// TestCorpusLocator checks Locator against the recorded positions on every
// Kubernetes and Compose file of the shared corpus (skipped where it is
// absent, as in CI).
func TestCorpusLocator(t *testing.T) {
	files, ok := testcorpus.Files("kubernetes", "compose")
	if !ok {
		t.Skip("corpus absent")
	}
	if testing.Short() {
		t.Skip("short")
	}
	n := 0
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkLocatorExtras(t, src, Options{}, nil)
		n++
	}
	t.Logf("%d files", n)
}
