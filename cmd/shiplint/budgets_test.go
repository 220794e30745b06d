package main

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// brief is what these tests check of a finding.
type brief struct {
	rule, path string
	line       int
	msg        string
}

func briefs(out jsonOut) []brief {
	var bs []brief
	for _, f := range out.Findings {
		bs = append(bs, brief{f.RuleID, f.Path[strings.LastIndexByte(f.Path, '/')+1:], f.Range.StartLine, f.Message})
	}
	return bs
}

// A privileged Pod after a broken document of the same stream is found:
// the gate fails on it, and the broken document is a syntax error at its
// own line.
func TestBrokenStreamStillGated(t *testing.T) {
	stream := "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n" +
		"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: broken\n   labels: {a: b}\n---\n" + // broken at line 9
		"apiVersion: v1\nkind: Pod\nmetadata: {name: root}\nspec:\n  containers:\n  - name: c\n    image: x:1\n" +
		"    securityContext: {privileged: true}\n" // line 18
	dir := project(t, map[string]string{"k8s.yaml": stream})
	o, out := scanJSON(t, dir, "--fail-on", "critical")
	if o.code != 1 {
		t.Errorf("exit %d, want 1 (KS001 is critical)", o.code)
	}
	want := []brief{
		{"syntax-error", "k8s.yaml", 9, "cannot parse kubernetes: mapping values are not allowed in this context"},
		{"KS001", "k8s.yaml", 18, `container "c" of Pod "root" runs privileged`},
	}
	if got := briefs(out); !reflect.DeepEqual(got, want) {
		t.Errorf("findings\n got %+v\nwant %+v", got, want)
	}
}

// A 687-byte .env that doubles a value on each of its 40 lines ends at the
// first value over 1 MiB, with a syntax error naming its line; the Compose
// file is still checked.
func TestDoublingEnvIsRefused(t *testing.T) {
	var env strings.Builder
	env.WriteString("V0=aaaa\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&env, "V%d=${V%d}${V%d}\n", i, i-1, i-1)
	}
	dir := project(t, map[string]string{
		".env":           env.String(),
		"compose.yaml":   "services:\n  web:\n    image: nginx:1.27\n    environment:\n      BIG: ${V40}\n",
		".shiplint.yaml": "only: [syntax-error]\n",
	})
	o, out := scanJSON(t, dir, "--fail-on", "high")
	if o.code != 1 {
		t.Errorf("exit %d, want 1", o.code)
	}
	want := []brief{{"syntax-error", "compose.yaml", 1, "cannot parse compose: .env line 20: V19 is left unset: ${V18} makes the value longer than 1 MiB, the limit for one interpolated value"}}
	if got := briefs(out); !reflect.DeepEqual(got, want) {
		t.Errorf("findings\n got %+v\nwant %+v", got, want)
	}
}

// A RUN whose heredoc is over 1 MiB is kept but not read as shell: a syntax
// error at its line says so, and the rest of the file is checked.
func TestHugeHeredocIsNotReadAsShell(t *testing.T) {
	var body strings.Builder
	for i := 0; body.Len() < 2<<20; i++ {
		fmt.Fprintf(&body, "echo line %d && apt-get install -y pkg%d\n", i, i)
	}
	src := "FROM alpine:3.20\nRUN <<EOF\n" + body.String() + "EOF\n"
	dir := project(t, map[string]string{"Dockerfile": src})
	o, out := scanJSON(t, dir, "--fail-on", "high")
	if o.code != 1 {
		t.Errorf("exit %d, want 1", o.code)
	}
	size := len("RUN <<EOF\n" + body.String() + "EOF")
	want := []brief{
		{"DF001", "Dockerfile", 1, "The final stage sets no USER, so the container runs as root; add a non-root USER"},
		{"syntax-error", "Dockerfile", 2, fmt.Sprintf("cannot parse dockerfile: this RUN is %d bytes long with its heredocs, more than the 1 MiB shiplint reads as shell; its commands are not checked", size)},
	}
	if got := briefs(out); !reflect.DeepEqual(got, want) {
		t.Errorf("findings\n got %+v\nwant %+v", got, want)
	}
}
