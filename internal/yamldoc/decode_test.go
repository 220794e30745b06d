package yamldoc

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shiplint/shiplint/internal/document"
)

func rng(sl, sc, el, ec int) document.Range {
	return document.Range{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
}

func TestDecodeValues(t *testing.T) {
	tests := []struct {
		name, src string
		want      []any
	}{
		{"scalars", "s: x\ni: 42\nh: 0x1f\no: 0o17\nf: 1.5\nn: ~\nn2: null\nb: true\n",
			[]any{map[string]any{"s": "x", "i": int64(42), "h": int64(31), "o": int64(15), "f": 1.5, "n": nil, "n2": nil, "b": true}}},
		{"yaml11 bools", "a: yes\nb: No\nc: ON\nd: off\ne: y\nf: N\ng: \"yes\"\nh: 'on'\ni: !!str yes\nj: TRUE\nk: yEs\n",
			[]any{map[string]any{"a": true, "b": false, "c": true, "d": false, "e": true, "f": false, "g": "yes", "h": "on", "i": "yes", "j": true, "k": "yEs"}}},
		{"inf nan timestamp", "a: .inf\nb: -.Inf\nc: .nan\nd: 2001-12-14t21:59:43.10-05:00\ne: !!timestamp 2002-12-14\n",
			[]any{map[string]any{"a": ".inf", "b": "-.Inf", "c": ".nan", "d": "2001-12-14t21:59:43.10-05:00", "e": "2002-12-14"}}},
		{"non-string keys", "1: a\ntrue: b\n~: c\n", []any{map[string]any{"1": "a", "true": "b", "~": "c"}}},
		{"empty docs skipped", "# only a comment\n---\n---\na: 1\n---\n# c\n", []any{map[string]any{"a": int64(1)}}},
		{"merge single", "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n",
			[]any{map[string]any{"base": map[string]any{"x": int64(1), "y": int64(2)}, "m": map[string]any{"x": int64(1), "y": int64(3)}}}},
		{"merge list earlier wins", "a: &a {x: 1}\nb: &b {x: 2, z: 2}\nm:\n  <<: [*a, *b]\n  w: 0\n",
			[]any{map[string]any{"a": map[string]any{"x": int64(1)}, "b": map[string]any{"x": int64(2), "z": int64(2)}, "m": map[string]any{"x": int64(1), "z": int64(2), "w": int64(0)}}}},
		{"alias", "a: &v [1, 2]\nb: *v\n", []any{map[string]any{"a": []any{int64(1), int64(2)}, "b": []any{int64(1), int64(2)}}}},
		{"bom crlf", "\ufeffa: 1\r\nb:\r\n  - x\r\n", []any{map[string]any{"a": int64(1), "b": []any{"x"}}}},
		{"quoted key merge is a string", "\"<<\": 1\n", []any{map[string]any{"<<": int64(1)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Decode("f.yaml", []byte(tt.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []any
			for _, d := range docs {
				got = append(got, d.Value)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestDecodePositions(t *testing.T) {
	tests := []struct {
		name, src string
		doc       int
		want      map[string]document.Range
	}{
		{"stream absolute lines", "a: 1\n---\nkind: Pod\nspec:\n  privileged: true\n  list:\n    - one\n    - \"two\"\n", 1, map[string]document.Range{
			"":                 rng(3, 1, 8, 12),
			"/kind":            rng(3, 1, 3, 10),
			"/spec":            rng(4, 1, 8, 12),
			"/spec/privileged": rng(5, 3, 5, 19),
			"/spec/list/0":     rng(7, 7, 7, 10),
			"/spec/list/1":     rng(8, 7, 8, 12),
		}},
		{"crlf bom", "\ufeffa: 1\r\nb: xyz\r\n", 0, map[string]document.Range{"/a": rng(1, 1, 1, 5), "/b": rng(2, 1, 2, 7)}},
		{"alias usage", "x: &anchor\n  p: true\n  q: [1]\nsvc:\n  s: *anchor\n", 0, map[string]document.Range{
			"/x/p": rng(2, 3, 2, 10), "/svc/s": rng(5, 3, 5, 13), "/svc/s/p": rng(5, 3, 5, 13), "/svc/s/q/0": rng(5, 3, 5, 13)}},
		{"merge line", "x-base: &base\n  privileged: true\nweb:\n  image: a\n  <<: *base\n", 0, map[string]document.Range{
			"/web/privileged": rng(5, 3, 5, 12), "/web/image": rng(4, 3, 4, 11)}},
		{"block scalar", "a: |\n  one\n  two\nb: 1\n", 0, map[string]document.Range{"/a": rng(1, 1, 3, 6), "/b": rng(4, 1, 4, 5)}},
		{"flow", "a: {b: [1, 2]}\n", 0, map[string]document.Range{"/a": rng(1, 1, 1, 15), "/a/b": rng(1, 5, 1, 14), "/a/b/1": rng(1, 12, 1, 13)}},
		{"multiline quoted", "a: \"x\n  y\"\nb: 'it''s'\n", 0, map[string]document.Range{"/a": rng(1, 1, 2, 5), "/b": rng(3, 1, 3, 11)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Decode("f.yaml", []byte(tt.src), Options{Positions: true})
			if err != nil {
				t.Fatal(err)
			}
			p := docs[tt.doc].Positions
			for k, want := range tt.want {
				if got, ok := p[k]; !ok || got != want {
					t.Errorf("%q: got %+v (%v), want %+v", k, got, ok, want)
				}
			}
			lazy, err := Decode("f.yaml", []byte(tt.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if lazy[tt.doc].Positions != nil {
				t.Error("positions recorded without Options.Positions")
			}
			for k, want := range tt.want {
				if got, ok := lazy[tt.doc].Locator.Locate(k); !ok || got != want {
					t.Errorf("Locate(%q): got %+v (%v), want %+v", k, got, ok, want)
				}
			}
		})
	}
}

// checkLocator fails unless every document's Locator finds exactly the
// ranges the conversion records, and no node the conversion does not have.
func checkLocator(t *testing.T, src []byte, opt Options) {
	t.Helper()
	checkLocatorExtras(t, src, opt, []string{"/", "/x", "/0", "/-1", "/01", "/<<", "/~0", "/~1"})
}

// checkLocatorExtras is checkLocator that tries the given key suffixes
// below every node (none is fastest).
func checkLocatorExtras(t *testing.T, src []byte, opt Options, extras []string) {
	t.Helper()
	opt.Positions = true
	docs, _ := Decode("f.yaml", src, opt)
	for i, d := range docs {
		for k, want := range d.Positions {
			if got, ok := d.Locator.Locate(k); !ok || got != want {
				t.Fatalf("doc %d: Locate(%q) = %+v, %v; recorded %+v", i, k, got, ok, want)
			}
			for _, extra := range extras {
				if _, recorded := d.Positions[k+extra]; recorded {
					continue
				}
				if got, ok := d.Locator.Locate(k + extra); ok {
					t.Fatalf("doc %d: Locate(%q) = %+v, not recorded", i, k+extra, got)
				}
			}
		}
	}
}

func TestLocatorMatchesRecordedPositions(t *testing.T) {
	srcs := []string{
		"a: 1\n---\nkind: Pod\nspec:\n  privileged: true\n  list:\n    - one\n    - \"two\"\n",
		"x: &anchor\n  p: true\n  q: [1]\nsvc:\n  s: *anchor\n  t: [*anchor, {u: *anchor}]\n",
		"x-base: &base\n  privileged: true\n  n: {<<: {deep: 1}}\nweb:\n  image: a\n  <<: *base\n",
		"a: &a {x: 1}\nb: &b {x: 2, z: 2, <<: {w: 1}}\nm:\n  <<: [*a, *b]\n  w: 0\nn: {<<: *b, v: *a}\n",
		"a: |\n  one\n  two\nb: >-\n  z\nc: {b: [1, 2]}\nd: \"x\n  y\"\ne: 'it''s'\n",
		"\"a/b\": {\"~c\": 1, \"\": 2, \"0\": [x]}\n\"~1\": y\n1: a\ntrue: b\n~: c\n*k : 1\n",
		"&k key: 1\n*k : 2\n",
		"- &x [1]\n- *x\n- <<: *x\n",
		"- {<<: [{a: 1}, {a: 2, b: 3}], c: 4}\n- [[[deep]]]\n- \"\u00e9t\u00e9\": \u00e9 # c\n",
		"'<<': {a: 1}\n",
		"a:\n  - b: 1\n    c: |\n      x\n  - !!str d\n",
	}
	for _, s := range srcs {
		checkLocator(t, []byte(s), Options{})
	}
}

func TestDecodeErrors(t *testing.T) {
	bomb := "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
	for i, p := 'b', 'a'; i <= 'j'; i, p = i+1, i {
		bomb += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+string(p)+",", 9) + "*" + string(p) + "]\n"
	}
	bomb += "k: *j\n"
	mergeBomb := "l0: &l0 {}\n"
	for i := 1; i <= 12; i++ {
		mergeBomb += fmt.Sprintf("l%d: &l%d {<<: [%s*l%d]}\n", i, i, strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 9), i-1)
	}
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"merge bomb", mergeBomb, 6, "too many nodes produced through merge keys (limit 100000)"},
		{"duplicate", "a: 1\nb: 2\na: 3\n", 3, `duplicate key "a" (first at line 1)`},
		{"duplicate nested", "x:\n  k: 1\n  \"k\": 2\n", 3, `duplicate key "k" (first at line 2)`},
		{"tab indent", "a: 1\nb:\n\t- x\n", 3, "found character that cannot start any token"},
		{"tab first line", "\ta: 1\n", 1, "found character that cannot start any token"},
		{"bad indent", "a:\n  b: 1\n c: 2\n", 3, "did not find expected key"},
		{"seq then map", "- a\nb: 1\n", 2, "did not find expected '-' indicator"},
		{"invalid utf8", "a: 1\nb: \xff\n", 2, "invalid UTF-8"},
		{"nul", "a: 1\x00\n", 1, "control character U+0000 is not allowed in YAML"},
		{"alias bomb", bomb, 5, "too many nodes produced through aliases (limit 100000): possible alias bomb"},
		{"deep", strings.Repeat("- ", 10000) + "x\n", 1, "nesting deeper than 200 levels"},
		{"deep flow", strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n", 1, "nesting deeper than 200 levels"},
		{"unknown anchor", "a: 1\nb: *nope\n", 2, "unknown anchor 'nope' referenced"},
		{"self reference", "a: &a\n  b: *a\n", 2, `anchor "a" refers to itself`},
		{"bad merge", "a:\n  <<: 1\n", 2, "map merge requires a mapping or a list of mappings"},
		{"second doc", "a: 1\n---\nb: {\n", 3, "did not find expected node content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Decode("f.yaml", []byte(tt.src), Options{})
			var se *document.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want SyntaxError", err)
			}
			if se.Line != tt.line || se.Msg != tt.msg {
				t.Errorf("got line %d %q, want line %d %q", se.Line, se.Msg, tt.line, tt.msg)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestDecodeKeepsDocsBeforeError(t *testing.T) {
	docs, err := Decode("f.yaml", []byte("a: 1\n---\nb: 2\n---\nc: [\n"), Options{})
	if err == nil || len(docs) != 2 || docs[1].Index != 1 {
		t.Fatalf("got %d docs, err %v", len(docs), err)
	}
}

func TestMirror(t *testing.T) {
	p := document.Positions{"/a": rng(1, 1, 1, 2), "/a/b": rng(2, 1, 2, 2), "/ab": rng(3, 1, 3, 2)}
	Mirror(p, "/a", "/x")
	if p["/x"] != p["/a"] || p["/x/b"] != p["/a/b"] {
		t.Fatalf("mirror: %v", p)
	}
	if _, ok := p["/xb"]; ok {
		t.Fatal("mirrored a sibling with a shared prefix")
	}
}
