package yamldoc

import (
	"errors"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

// TestDecodeParts: parts of a text that is no YAML stream (JSON values one
// after another) decode as documents of their own, located in the whole
// text, a part that starts mid-line included.
func TestDecodeParts(t *testing.T) {
	src := []byte("{\"a\": 1,\n \"b\": [true]}\n\n{\"c\": {\"d\": \"x\"}}{\"e\": 2}\n")
	parts := []Part{
		{Text: src[0:22], Line: 1, Column: 1},
		{Text: src[24:41], Line: 4, Column: 1},
		{Text: src[41:49], Line: 4, Column: 18},
	}
	docs, err := DecodeParts("p.json", src, parts, Options{})
	if err != nil || len(docs) != 3 {
		t.Fatalf("%v %d", err, len(docs))
	}
	want := []struct {
		key string
		r   document.Range
	}{
		{"/b/0", document.Range{StartLine: 2, StartColumn: 8, EndLine: 2, EndColumn: 12}},
		{"/c/d", document.Range{StartLine: 4, StartColumn: 8, EndLine: 4, EndColumn: 16}},
		{"/e", document.Range{StartLine: 4, StartColumn: 19, EndLine: 4, EndColumn: 25}},
	}
	for i, w := range want {
		if docs[i].Index != i {
			t.Errorf("doc %d has index %d", i, docs[i].Index)
		}
		if got, ok := docs[i].Locator.Locate(w.key); !ok || got != w.r {
			t.Errorf("doc %d: %s at %+v, want %+v", i, w.key, got, w.r)
		}
	}
	// A part the YAML decoder refuses is left out, reported at its start.
	bad := []byte("{\"a\": 1}\n{\"b\": \"\x7f\"}\n")
	docs, err = DecodeParts("p.json", bad, []Part{{Text: bad[:8], Line: 1, Column: 1}, {Text: bad[9:18], Line: 2, Column: 1}}, Options{})
	var se *document.SyntaxError
	if !errors.As(err, &se) || se.Line != 2 || len(docs) != 1 {
		t.Errorf("%#v, %d docs", err, len(docs))
	}
}
