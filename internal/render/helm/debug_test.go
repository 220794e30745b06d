package helm

import (
	"fmt"
	"os"
	"testing"

	"github.com/shiplint/shiplint/internal/confine"
)

// TestDebugDump prints a chart's rendering with each line's origin and
// the values origins (HELM_DEBUG=chart dir, HELM_DEBUG_ROOT=root).
func TestDebugDump(t *testing.T) {
	dir := os.Getenv("HELM_DEBUG")
	if dir == "" {
		t.Skip("a debugging aid: set HELM_DEBUG to a chart directory to print its rendering with each line's origin")
	}
	root := os.Getenv("HELM_DEBUG_ROOT")
	if root == "" {
		root = "testdata"
	}
	rt, err := confine.NewReader(confine.Limits{}).OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	res := Render(rt, dir, Options{})
	for _, p := range res.Problems {
		fmt.Printf("PROBLEM %+v\n", p)
	}
	for _, r := range res.Resources {
		fmt.Println("---", r.From)
		for i, l := range splitLines(r.Text) {
			o := ""
			if i < len(r.Lines) && r.Lines[i] != nil {
				o = fmt.Sprintf("%s:%d", r.Lines[i][0].Path, r.Lines[i][0].Range.StartLine)
			}
			fmt.Printf("%-60s # %s\n", l, o)
		}
		for k, c := range r.Paths {
			fmt.Printf("  %s <- %v\n", k, c)
		}
	}
}
