package dockerfile

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/shiplint/shiplint/internal/document"
)

// parseOver parses src, which goes past a budget: the document comes back
// with a syntax error at line saying msg.
func parseOver(t *testing.T, src string, line int, msg string) *document.Document {
	t.Helper()
	d, err := Parse("Dockerfile", []byte(src))
	var se *document.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a *document.SyntaxError", err)
	}
	want := document.SyntaxError{Path: "Dockerfile", Line: line, Msg: msg}
	if *se != want {
		t.Errorf("err = %#v\nwant %#v", *se, want)
	}
	if d == nil {
		t.Fatal("no document alongside the budget error")
	}
	return d
}

// lines is n numbered lines made by f, each ending in a newline.
func lines(n int, f func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(f(i))
		b.WriteByte('\n')
	}
	return b.String()
}

// A 2 MB heredoc is kept, with its content, but not read as shell; the
// instruction after it is read as usual.
func TestRunOverShellBudget(t *testing.T) {
	body := lines(50000, func(i int) string { return fmt.Sprintf("echo line %d && apt-get install pkg%d", i, i) })
	src := "FROM alpine\nRUN <<EOF\n" + body + "EOF\nRUN curl -k https://x\n"
	size := len("RUN <<EOF\n" + body + "EOF")
	msg := fmt.Sprintf("this RUN is %d bytes long with its heredocs, more than the 1 MiB shiplint reads as shell; its commands are not checked", size)
	d := parseOver(t, src, 2, msg)
	run := "/stages/0/instructions/0"
	if got := get(t, d.Input, run+"/shellError"); got != msg {
		t.Errorf("shellError = %q", got)
	}
	if got := get(t, d.Input, run+"/commands"); !reflect.DeepEqual(got, L{}) {
		t.Errorf("commands = %.100v", got)
	}
	if got := get(t, d.Input, run+"/heredocs/0/content"); got != body {
		t.Errorf("heredoc content of %d bytes, want %d", len(got.(string)), len(body))
	}
	if got := get(t, d.Input, "/stages/0/instructions/1/commands/0/name"); got != "curl" {
		t.Errorf("the next RUN: %v", got)
	}
}

// Past 10,000 commands in the file, the RUN that goes over and every later
// one keep no commands.
func TestCommandBudget(t *testing.T) {
	src := "FROM alpine\nRUN <<EOF\n" + lines(6000, func(int) string { return "true" }) + "EOF\n" + // RUN at line 2
		"RUN <<EOF\n" + lines(5000, func(int) string { return "true" }) + "EOF\n" + // RUN at line 6004
		"RUN echo after\n"
	msg := "the file has more than 10000 commands in its RUNs; the commands of this RUN and of those after it are not checked"
	d := parseOver(t, src, 6004, msg)
	if n := len(get(t, d.Input, "/stages/0/instructions/0/commands").([]any)); n != 6000 {
		t.Errorf("first RUN: %d commands", n)
	}
	for i, want := range []string{msg, "the file has more than 10000 commands in its RUNs; the commands of this RUN are not checked"} {
		in := fmt.Sprintf("/stages/0/instructions/%d", i+1)
		if got := get(t, d.Input, in+"/shellError"); got != want {
			t.Errorf("%s: shellError = %q", in, got)
		}
		if got := get(t, d.Input, in+"/commands"); !reflect.DeepEqual(got, L{}) {
			t.Errorf("%s: commands = %.100v", in, got)
		}
	}
}

// The 10,001st instruction and those after it are not read at all.
func TestInstructionBudget(t *testing.T) {
	src := "FROM alpine\n" + lines(10010, func(int) string { return "USER app" })
	d := parseOver(t, src, 10001, "the file has more than 10000 instructions; this one and those after it are not checked")
	if n := len(get(t, d.Input, "/stages/0/instructions").([]any)); n != 9999 {
		t.Errorf("%d instructions kept", n)
	}
	// Heredoc lines are not instructions.
	src = "FROM alpine\nCOPY <<EOF /x\n" + lines(20000, func(int) string { return "USER app" }) + "EOF\nUSER app\n"
	d, err := Parse("Dockerfile", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := get(t, d.Input, "/stages/0/instructions/1/line"); got != int64(20004) {
		t.Errorf("USER after the heredoc at line %v", got)
	}
}

// Past 20,000 arguments and flags, instructions are kept unread: no args,
// flags, pairs or commands. A FROM is still read.
func TestWordBudget(t *testing.T) {
	pairs := lines(10000, func(i int) string { return fmt.Sprintf("  K%d=v \\", i) })
	src := "FROM alpine\nLABEL a=b\nENV \\\n" + pairs + "  LAST=1\n" + // ENV at line 3: 20,002 words
		"RUN --network=none echo hi\nFROM alpine AS two\nUSER app\n"
	msg := "the file has more than 20000 instruction arguments and flags; those of this instruction and of the instructions after it are not checked"
	d := parseOver(t, src, 3, msg)
	if got := get(t, d.Input, "/stages/0/instructions/0/pairs"); !reflect.DeepEqual(got, L{M{"key": "a", "value": "b"}}) {
		t.Errorf("LABEL pairs = %v", got)
	}
	for _, k := range []string{"args", "flags", "pairs"} {
		if got := get(t, d.Input, "/stages/0/instructions/1/"+k); !reflect.DeepEqual(got, L{}) {
			t.Errorf("ENV %s = %.100v", k, got)
		}
	}
	run := "/stages/0/instructions/2"
	if got := get(t, d.Input, run+"/commands"); !reflect.DeepEqual(got, L{}) {
		t.Errorf("RUN commands = %v", got)
	}
	if got := get(t, d.Input, run+"/raw"); got != "RUN --network=none echo hi" {
		t.Errorf("RUN raw = %v", got)
	}
	if got := get(t, d.Input, "/stages/1/name"); got != "two" {
		t.Errorf("second stage name = %v", got)
	}
	if got := get(t, d.Input, "/stages/1/instructions/0/args"); !reflect.DeepEqual(got, L{}) {
		t.Errorf("USER args = %v", got)
	}
}

// instructionCut finds the instructions where buildkit does.
func TestInstructionCutMatchesBuildkit(t *testing.T) {
	srcs := []string{
		"FROM a\nRUN <<A <<-B cat\na\nA\n\tb\n\tB\n# c\n\nUSER x\n",
		"FROM a\nRUN x \\\n# c\n\n  y\nCOPY <<'EOF' /x\n$y\nEOF\nONBUILD RUN <<E\nE\nRUN [\"<<E\"]\nUSER u\n",
		"# escape=`\nFROM a\nRUN x `\n y\nUSER u\n",
	}
	for _, tc := range parseCases {
		srcs = append(srcs, tc.src)
	}
	for _, src := range srcs {
		res, err := parser.Parse(bytes.NewReader([]byte(src)))
		if err != nil {
			continue
		}
		p := newFileParser("Dockerfile", []byte(src))
		escape := byte('\\')
		if res.EscapeToken == '`' {
			escape = '`'
		}
		for k, node := range res.AST.Children {
			if got := instructionCut(p.lines, escape, k); got != node.StartLine-1 {
				t.Errorf("%q: instruction %d cut at %d lines, buildkit starts it at line %d", src, k, got, node.StartLine)
			}
		}
		if got := instructionCut(p.lines, escape, len(res.AST.Children)); got != len(p.lines) {
			t.Errorf("%q: all %d instructions cut at %d lines of %d", src, len(res.AST.Children), got, len(p.lines))
		}
	}
}

// A flag or ENV key written across a continuation is not found on one
// line: the rest are then placed on the instruction's first line instead of
// searching every line again for each.
func TestWordsAcrossLines(t *testing.T) {
	src := "FROM a\nRUN --mount=type=cache,tar\\\nget=/c --network=none true\nENV A=1 \\\n  B\\\nC=2 \\\n  D=3\n"
	d, err := Parse("Dockerfile", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]int{
		"/stages/0/instructions/0/flags/0": 2, "/stages/0/instructions/0/flags/1": 2,
		"/stages/0/instructions/1/pairs/0": 4, "/stages/0/instructions/1/pairs/1": 4, "/stages/0/instructions/1/pairs/2": 4,
	} {
		if got := d.Positions[k]; got.StartLine != want {
			t.Errorf("%s at %+v, want line %d", k, got, want)
		}
	}
}
