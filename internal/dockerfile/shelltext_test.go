package dockerfile

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestContinuesMatchesBuildkit compares continues with the regexp buildkit
// uses to find line continuations, over every short line built from the
// characters that matter and random longer ones.
func TestContinuesMatchesBuildkit(t *testing.T) {
	alphabet := []string{"a", " ", "\t", "\\", "`", "\r", "é", "\xff", "#"}
	for _, esc := range []byte{'\\', '`'} {
		e := regexp.QuoteMeta(string(esc))
		buildkit := regexp.MustCompile(`([^` + e + `])` + e + `[ \t]*$|^` + e + `[ \t]*$`)
		check := func(l string) {
			if got, want := continues(l, esc), buildkit.MatchString(l); got != want {
				t.Fatalf("continues(%q, %q) = %v, buildkit says %v", l, esc, got, want)
			}
		}
		var all func(prefix string, n int)
		all = func(prefix string, n int) {
			check(prefix)
			if n == 0 {
				return
			}
			for _, c := range alphabet {
				all(prefix+c, n-1)
			}
		}
		all("", 5)
		r := rand.New(rand.NewPCG(1, 2))
		for range 20000 {
			b := make([]byte, r.IntN(40))
			for i := range b {
				b[i] = alphabet[r.IntN(len(alphabet))][0]
			}
			check(string(b))
		}
	}
}
