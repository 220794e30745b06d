package safetext

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Dockerfile", "Dockerfile"},
		{"RUN apt-get update && \\", "RUN apt-get update && \\"},
		{"héllo wörld ✓ 日本", "héllo wörld ✓ 日本"},
		{"a # comment [x]", "a # comment [x]"},
		{"Dockerfile.a\n::error file=README.md,line=1::FAKE\nz", `Dockerfile.a\n::error file=README.md,line=1::FAKE\nz`},
		{"x\r\ny\tz", `x\r\ny\tz`},
		{"clear \x1b[2J now", `clear \x1b[2J now`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"c1 \u0085 \u009b", `c1 \u0085 \u009b`},
		{"ls \u2028 ps \u2029", `ls \u2028 ps \u2029`},
		{"admin\u202e \u2066x\u2069 \u200b\ufeff\u00ad", `admin\u202e \u2066x\u2069 \u200b\ufeff\u00ad`},
		{"vs\ufe0f tag\U000e0041", `vs\ufe0f tag\U000e0041`},
		{"bad \xff\xfe utf8 \xe2\x80", `bad \xff\xfe utf8 \xe2\x80`},
		{"real \ufffd stays", "real \ufffd stays"},
		{"x ##[add-mask]secret", `x \x23#[add-mask]secret`},
		{"###[error]", `#\x23#[error]`},
		{"##vso[task.setvariable]x ##VSO[y]", `\x23#vso[task.setvariable]x \x23#VSO[y]`},
		{"#\u00ad#[add-mask]", `#\u00ad#[add-mask]`},
		{"## heading [x]", "## heading [x]"},
	}
	for _, c := range cases {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := Escape(Escape(c.in)); got != c.want {
			t.Errorf("Escape is not idempotent on %q: %q", c.in, got)
		}
	}
}

func TestLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Dockerfile:3:1: high DF001 x", "Dockerfile:3:1: high DF001 x"},
		{"a::b", "a::b"},
		{"::warning file=x::FAKE/Dockerfile:1", `\x3a:warning file=x::FAKE/Dockerfile:1`},
		{"  ::error::x", `  \x3a:error::x`},
		{"\t::error::x", `\t::error::x`},
		{"\u00a0\u3000::error::x", "\u00a0\u3000\\x3a:error::x"},
		{"##[add-mask]x", `\x23#[add-mask]x`},
		{":", ":"},
		{"", ""},
	}
	for _, c := range cases {
		if got := Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLines(t *testing.T) {
	in := "policy: 1 problem:\n  p.rego:2: rego_parse_error: unexpected : token\n\t::error file=README.md::FAKE {\n\t^"
	want := "policy: 1 problem:\n  p.rego:2: rego_parse_error: unexpected : token\n    \\x3a:error file=README.md::FAKE {\n    ^"
	if got := Lines(in); got != want {
		t.Errorf("Lines:\n got %q\nwant %q", got, want)
	}
	normal := "line one\nline two: a::b\n"
	if got := Lines(normal); got != normal {
		t.Errorf("Lines changed normal text: %q", got)
	}
}

func TestWriter(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	for _, part := range []string{"shiplint: x.rego:2: bad\n\t::err", "or::FAKE\n", "##[add-mask]tail"} {
		if n, err := w.Write([]byte(part)); n != len(part) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", part, n, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "shiplint: x.rego:2: bad\n    \\x3a:error::FAKE\n\\x23#[add-mask]tail"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

func TestJSONKeepsValues(t *testing.T) {
	values := []string{
		"plain", "Dockerfile.a\n::error file=README.md,line=1::FAKE\nz", "\x1b[2J", "##[add-mask]secret",
		"###[x] ##vso[y] ##VsO[z]", "\t::error::x", "admin\u202e", "del\x7f c1\u0085\u009b", "\u2028\u2029",
		"\u200b\ufeff\ufe0f\U000e0041", "日本 ✓ # [",
	}
	raw, err := json.Marshal(values)
	if err != nil {
		t.Fatal(err)
	}
	safe := jsonOf(t, raw)
	var back []string
	if err := json.Unmarshal(safe, &back); err != nil {
		t.Fatalf("not JSON any more: %v\n%s", err, safe)
	}
	for i := range values {
		if back[i] != values[i] {
			t.Errorf("value %d decodes to %q, want %q", i, back[i], values[i])
		}
	}
	s := string(safe)
	for _, bad := range []string{"##[", "##vso[", "##VsO[", "\x7f", "\u0085", "\u009b", "\u202e", "\u200b", "\ufeff", "\ufe0f", "\U000e0041", "\x1b", "\n"} {
		if strings.Contains(s, bad) {
			t.Errorf("encoded JSON still holds %q raw: %s", bad, s)
		}
	}
	if plain := []byte(`{"a":"b [c] d # x"}`); !bytes.Equal(jsonOf(t, plain), plain) {
		t.Errorf("WriteJSON changed plain input")
	}
}

func jsonOf(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := WriteJSON(&out, b); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func BenchmarkEscapePlain(b *testing.B) {
	s := "container \"web\" of Deployment \"web\" runs privileged"
	for range b.N {
		Escape(s)
	}
}

func BenchmarkJSONPlain(b *testing.B) {
	buf := bytes.Repeat([]byte(`    "message": "container 12 runs privileged",`+"\n"), 100000)
	b.SetBytes(int64(len(buf)))
	for range b.N {
		WriteJSON(io.Discard, buf)
	}
}
