package yamldoc

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shiplint/shiplint/internal/document"
)

func FuzzDecode(f *testing.F) {
	seeds := []string{
		"a: 1\n---\nb: [1, {c: d}]\n", "\ufeffa: 1\r\nb: yes\r\n", "x: &a {p: 1}\ny:\n  <<: [*a, {q: 2}]\n  p: 3\n",
		"a: 1\na: 2\n", "a:\n\tb: 1\n", "a: |\n  x\n  y\nb: >-\n  z\n", "a: .inf\nb: 2001-12-14\nc: !!binary aGk=\n",
		"a: &a [*a]\n", "- &x [1]\n- *x\n- <<: *x\n", strings.Repeat("[", 300), "? [a]\n: b\n", "a: \"x\\\"\n  y\"\n",
		"*a : 1\n", "&a k: *a\n", "'<<': {a: 1}\n", "a: [\n---\nb: 1\n--- x: y: z\n...\nc: 2\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		type result struct {
			docs []Doc
			err  error
		}
		done := make(chan result, 1)
		go func() {
			docs, err := Decode("f.yaml", src, Options{MaxAliasNodes: 1000, Resume: true})
			done <- result{docs, err}
		}()
		var res result
		select {
		case res = <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("Decode hangs on %q", src)
		}
		docs, err := res.docs, res.err
		if err != nil {
			var se *document.SyntaxError
			if !errors.As(err, &se) || se.Line < 1 {
				t.Fatalf("error %T %v", err, err)
			}
		}
		for i, d := range docs {
			if _, ok := d.Locator.Locate(""); !ok {
				t.Fatal("no root position")
			}
			// Documents found after an error come after those before it,
			// each once.
			if i > 0 && (d.Index <= docs[i-1].Index || d.Range.StartLine < docs[i-1].Range.EndLine) {
				t.Fatalf("document %d (line %d) after document %d (lines %d-%d)", d.Index, d.Range.StartLine, docs[i-1].Index, docs[i-1].Range.StartLine, docs[i-1].Range.EndLine)
			}
		}
		if len(src) < 4096 {
			checkLocator(t, src, Options{MaxAliasNodes: 1000})
		}
	})
}
