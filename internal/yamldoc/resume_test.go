package yamldoc

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

// decoded is what a test checks of a Doc: where it starts and ends, its
// index in the stream and its value.
type decoded struct {
	start, end, index int
	value             any
}

func summary(docs []Doc) []decoded {
	out := []decoded{}
	for _, d := range docs {
		out = append(out, decoded{d.Range.StartLine, d.Range.EndLine, d.Index, d.Value})
	}
	return out
}

func TestResume(t *testing.T) {
	cases := []struct {
		name, src string
		err       document.SyntaxError
		want      []decoded // with Resume
		before    int       // documents decoded without Resume
	}{
		{
			name: "bad mapping in the second document",
			src:  "a: 1\n---\nb: 2\n c: 3\n---\nd: 4\n",
			err:  document.SyntaxError{Line: 4, Msg: "mapping values are not allowed in this context"},
			want: []decoded{{1, 1, 0, map[string]any{"a": int64(1)}}, {6, 6, 2, map[string]any{"d": int64(4)}}},
		},
		{
			// yaml.v3 reports it at the --- that ends the open flow.
			name: "flow collection left open",
			src:  "a: [1,\n---\nb: 1\n",
			err:  document.SyntaxError{Line: 2, Msg: "did not find expected node content"},
			want: []decoded{{3, 3, 1, map[string]any{"b": int64(1)}}},
		},
		{
			name: "--- inside a block scalar is indented: not a marker",
			src:  "a: |\n  ---\n  x\n---\nb: [\n---\n# c\nc: |\n  ---\n  y\n...\nd: 1\n",
			err:  document.SyntaxError{Line: 6, Msg: "did not find expected node content"},
			want: []decoded{
				{1, 3, 0, map[string]any{"a": "---\nx\n"}},
				{8, 10, 2, map[string]any{"c": "---\ny\n"}},
				{12, 12, 3, map[string]any{"d": int64(1)}},
			},
			before: 1,
		},
		{
			name: "directives go with the document after them",
			src:  "a: {\n...\n%TAG !e! tag:example.com,2000:\n---\nb: !e!x 1\n",
			err:  document.SyntaxError{Line: 2, Msg: "did not find expected node content"},
			want: []decoded{{5, 5, 1, map[string]any{"b": "1"}}},
		},
		{
			name: "text YAML does not allow",
			src:  "a: 1\n---\nb: \"\x01\"\n---\nc: 1\n",
			err:  document.SyntaxError{Line: 3, Column: 5, Msg: "control character U+0001 is not allowed in YAML"},
			want: []decoded{{1, 1, 0, map[string]any{"a": int64(1)}}, {5, 5, 2, map[string]any{"c": int64(1)}}},
		},
		{
			name: "several broken documents",
			src:  "--- [\n--- a: b: c\n--- {x: 1}\n---\n\t- bad\n--- ok\n",
			err:  document.SyntaxError{Line: 2, Msg: "did not find expected node content"},
			want: []decoded{{3, 3, 2, map[string]any{"x": int64(1)}}, {6, 6, 4, "ok"}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.err.Path = "s.yaml"
			for _, resume := range []bool{false, true} {
				docs, err := Decode("s.yaml", []byte(tc.src), Options{Resume: resume})
				var se *document.SyntaxError
				if !errors.As(err, &se) || *se != tc.err {
					t.Fatalf("resume %v: err = %#v, want %#v", resume, err, tc.err)
				}
				want := tc.want
				if !resume {
					n := tc.before
					if n == 0 && len(want) > 0 && want[0].index == 0 {
						n = 1
					}
					want = want[:n]
				}
				if got := summary(docs); !reflect.DeepEqual(got, want) {
					t.Errorf("resume %v:\ngot  %+v\nwant %+v", resume, got, want)
				}
			}
		})
	}
}

// The documents after the error keep their positions, key by key.
func TestResumeLocates(t *testing.T) {
	src := "a: 1\n---\nb: [\n---\nkind: Pod\nspec:\n  containers:\n  - name: c\n    securityContext: {privileged: true}\n"
	docs, err := Decode("s.yaml", []byte(src), Options{Resume: true})
	if err == nil || len(docs) != 2 {
		t.Fatalf("err %v, %d docs", err, len(docs))
	}
	r, ok := docs[1].Locator.Locate("/spec/containers/0/securityContext/privileged")
	if want := (document.Range{StartLine: 9, StartColumn: 23, EndLine: 9, EndColumn: 39}); !ok || r != want {
		t.Errorf("privileged at %+v, want %+v", r, want)
	}
}

// An alias bomb after the error is stopped by the same budget.
func TestResumeKeepsAliasBudget(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	src := "x: [\n---\n" + bomb + "---\nok: 1\n"
	docs, err := Decode("s.yaml", []byte(src), Options{Resume: true, MaxAliasNodes: 1000})
	if err == nil || !strings.Contains(err.Error(), "s.yaml:2:") {
		t.Fatalf("err = %v", err)
	}
	if got := summary(docs); !reflect.DeepEqual(got, []decoded{{8, 8, 2, map[string]any{"ok": int64(1)}}}) {
		t.Errorf("got %+v", got)
	}
}

// chunks count documents as yaml.v3 does: the part with the stream index
// of a document holds its first line.
func TestChunksCountLikeDecoder(t *testing.T) {
	for _, src := range []string{
		"a: 1\n---\nb: 2\n",
		"# head\n---\na: 1\n---\n---\nb: 1\n--- # c\nc: 1\n",
		"a: 1\n...\n# between\n---\nb: 1\n...\n",
		"--- |\n  x\n--- >\n  ---\n  y\n---\n- 1\n",
		"%YAML 1.1\n---\na: 1\n...\n%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\nb: 2\n",
		"\n\n---\n\n---\na: 1\n",
	} {
		docs, err := Decode("s.yaml", []byte(src), Options{})
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		var parts []chunk
		for _, ch := range chunks(newSource([]byte(src))) {
			if ch.doc {
				parts = append(parts, ch)
			}
		}
		for _, d := range docs {
			if d.Index >= len(parts) || d.Range.StartLine < parts[d.Index].start || d.Range.StartLine > parts[d.Index].end {
				t.Errorf("%q: document %d at line %d, parts %+v", src, d.Index, d.Range.StartLine, parts)
			}
		}
	}
}

// Past MaxDocuments the stream is not read further, Resume or not.
func TestMaxDocuments(t *testing.T) {
	src := "a: [\n---\nb: 1\n---\n---\nc: 2\n---\nd: 3\n---\ne: 4\n"
	docs, err := Decode("s.yaml", []byte(src), Options{Resume: true, MaxDocuments: 2})
	if err == nil || err.Error() != "s.yaml:2: did not find expected node content" {
		t.Errorf("err = %v", err)
	}
	if got := summary(docs); !reflect.DeepEqual(got, []decoded{{3, 3, 1, map[string]any{"b": int64(1)}}, {6, 6, 3, map[string]any{"c": int64(2)}}}) {
		t.Errorf("got %+v", got)
	}
	docs, err = Decode("s.yaml", []byte(src[5:]), Options{MaxDocuments: 2})
	want := document.SyntaxError{Path: "s.yaml", Line: 7, Msg: "the stream has more than 2 documents; this one and those after it are not checked"}
	var se *document.SyntaxError
	if !errors.As(err, &se) || *se != want || len(docs) != 2 {
		t.Errorf("err = %#v, %d docs", err, len(docs))
	}
}
