package main

import (
	"strings"
	"testing"
)

func run(t *testing.T, in string) (string, bool) {
	t.Helper()
	var out strings.Builder
	s := &summary{out: &out, output: map[key][]string{}, build: map[string][]string{}}
	if err := s.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	ok := s.finish()
	return out.String(), ok
}

func TestSkipsAreListed(t *testing.T) {
	in := `{"Action":"run","Package":"p/integration","Test":"TestNvimLSP"}
{"Action":"output","Package":"p/integration","Test":"TestNvimLSP","Output":"=== RUN   TestNvimLSP\n"}
{"Action":"output","Package":"p/integration","Test":"TestNvimLSP","Output":"    nvim_test.go:36: Neovim is not installed\n"}
{"Action":"output","Package":"p/integration","Test":"TestNvimLSP","Output":"--- SKIP: TestNvimLSP (0.00s)\n"}
{"Action":"skip","Package":"p/integration","Test":"TestNvimLSP","Elapsed":0}
{"Action":"output","Package":"p/integration","Test":"TestOther","Output":"=== RUN   TestOther\n"}
{"Action":"pass","Package":"p/integration","Test":"TestOther","Elapsed":0.1}
{"Action":"pass","Package":"p/integration","Elapsed":1.5}
`
	got, ok := run(t, in)
	want := "ok  \tp/integration\t1.500s\n\n" +
		"*** 1 test(s) SKIPPED, not run:\n" +
		"***   p/integration TestNvimLSP: Neovim is not installed\n" +
		"*** (.ci/run installs every client; there a missing one fails instead of skipping)\n"
	if got != want || !ok {
		t.Errorf("got ok=%v\n%q\nwant\n%q", ok, got, want)
	}
}

func TestFailuresShowTheirOutput(t *testing.T) {
	in := `{"Action":"output","Package":"p/a","Test":"TestX","Output":"=== RUN   TestX\n"}
{"Action":"output","Package":"p/a","Test":"TestX/sub","Output":"    a_test.go:9: boom\n"}
{"Action":"fail","Package":"p/a","Test":"TestX/sub","Elapsed":0}
{"Action":"output","Package":"p/a","Test":"TestX","Output":"--- FAIL: TestX (0.00s)\n"}
{"Action":"fail","Package":"p/a","Test":"TestX","Elapsed":0}
{"Action":"output","Package":"p/a","Output":"FAIL\n"}
{"Action":"fail","Package":"p/a","Elapsed":0.2}
{"ImportPath":"p/b [p/b.test]","Action":"build-output","Output":"b.go:3:1: syntax error\n"}
{"ImportPath":"p/b [p/b.test]","Action":"build-fail"}
go: something outside the stream
`
	got, ok := run(t, in)
	want := "=== RUN   TestX\n--- FAIL: TestX (0.00s)\n    a_test.go:9: boom\n" +
		"FAIL\nFAIL\tp/a\t0.200s\n" +
		"b.go:3:1: syntax error\n" +
		"go: something outside the stream\n"
	if got != want || ok {
		t.Errorf("got ok=%v\n%q\nwant\n%q", ok, got, want)
	}
}

func TestNothingReadFails(t *testing.T) {
	if _, ok := run(t, ""); ok {
		t.Error("an empty stream passed")
	}
}
