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
		"*a : 1\n", "&a k: *a\n", "'<<': {a: 1}\n",
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
			docs, err := Decode("f.yaml", src, Options{MaxAliasNodes: 1000})
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
		for _, d := range docs {
			if _, ok := d.Locator.Locate(""); !ok {
				t.Fatal("no root position")
			}
		}
		if len(src) < 4096 {
			checkLocator(t, src, Options{MaxAliasNodes: 1000})
		}
	})
}
