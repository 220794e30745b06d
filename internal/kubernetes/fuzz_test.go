package kubernetes

import (
	"bytes"
	"errors"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

// FuzzParse turns arbitrary YAML into Kubernetes documents: no panic, and
// every error is a SyntaxError with a line.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: c, image: x}]\n",
		"apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers: [{name: i}]\n",
		"apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n",
		"apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Service\nspec: &s {a: *s}\n",
		"a: &a [x]\nb: [*a, *a]\n<<: {c: 1}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := Parse("fuzz.yaml", src)
		var se *document.SyntaxError
		if err != nil && !errors.As(err, &se) {
			t.Fatalf("error %T %v is not a SyntaxError", err, err)
		}
		for _, d := range docs {
			if d.Input["kind"] != "kubernetes" {
				t.Fatalf("document without kind: %v", d.Input)
			}
		}
	})
}

// FuzzJSON reads arbitrary bytes as a .json manifest: the sniff and the
// parse never panic, every error is a SyntaxError with a line, and a
// manifest the sniff takes that parses yields a resource (a List may be
// empty).
func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a\/b\ud83d\ude00"},"spec":{"containers":[{"name":"c","image":"x"}]}}`,
		"{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"List\",\n\t\"items\": [{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}]\n}\n",
		`{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b",},}`,
		`{"a": "\"apiVersion\"", "kind": "Pod", "x": "\udc00\ud800"}`,
		"{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}\n{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}{} 1 [2]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		looks := LooksJSON(src)
		docs, err := Parse("fuzz.json", src)
		var se *document.SyntaxError
		if err != nil && (!errors.As(err, &se) || se.Line < 1) {
			t.Fatalf("error %T %v is not a SyntaxError with a line", err, err)
		}
		if looks && err == nil && len(docs) == 0 && !bytes.Contains(src, []byte("List")) {
			t.Fatalf("a manifest that parses has no resource: %q", src)
		}
	})
}
