package regosandbox

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// Every built-in OPA has is removed from user policies, capped, charged,
// or bounded for a written reason: a new OPA version's built-ins fail
// this test until someone classifies them.
func TestSandboxClassifiesEveryBuiltin(t *testing.T) {
	bounded := map[string]bool{}
	for _, names := range boundedBuiltins {
		for _, n := range names {
			bounded[n] = true
		}
	}
	opa := map[string]bool{}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		opa[b.Name] = true
		_, inTable := sandboxTable[b.Name]
		classes := 0
		for _, in := range []bool{removedWhy(b.Name) != "", inTable, bounded[b.Name]} {
			if in {
				classes++
			}
		}
		if classes != 1 {
			t.Errorf("built-in %s is in %d of: removed, sandboxTable, boundedBuiltins; want exactly one", b.Name, classes)
		}
	}
	for name := range sandboxTable {
		if !opa[name] {
			t.Errorf("sandboxTable names %s, which OPA does not have", name)
		}
	}
	for name := range bounded {
		if !opa[name] {
			t.Errorf("boundedBuiltins names %s, which OPA does not have", name)
		}
	}
	for name := range removedReason {
		if !opa[name] {
			t.Errorf("removedReason names %s, which OPA does not have", name)
		}
	}
	for _, b := range Capabilities().Builtins {
		if removedWhy(b.Name) != "" {
			t.Errorf("removed built-in %s is in the capabilities", b.Name)
		}
	}
	if caps := Capabilities(); caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("AllowNet = %v, want an empty list (no host)", caps.AllowNet)
	}
}

// docs/writing-rules.md lists what user rules get: every removed and
// every capped built-in is named there.
func TestWritingRulesListsTheSandbox(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "writing-rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name, r := range sandboxTable {
		if r.class == capped {
			names = append(names, name)
		}
	}
	for name := range removedReason {
		names = append(names, name)
	}
	for prefix := range removedPrefix {
		names = append(names, prefix+"*")
	}
	slices.Sort(names)
	for _, name := range names {
		if !strings.Contains(string(doc), "`"+name+"`") {
			t.Errorf("docs/writing-rules.md does not name `%s`", name)
		}
	}
}

// The size functions are upper bounds: for each case, what the built-in
// produces is no longer than the size computed before the call.
func TestSizeBoundsHold(t *testing.T) {
	cases := []string{
		`sprintf("%s|%q|% #x|%v", ["a<b>\u0001é", "\u0000\u0001\u00ff\u2028", "xyz", {"k": ["v", 1, null]}])`,
		`sprintf("%[2]*[1]d|%-10.3f|%b|%o|%x|%e", [5, 10, 3.14159, 123456789012345678901234567890, 8, 255, 1e300])`,
		`sprintf("%d%%%v", [1, 2, 3, "extra", {"a": {"b"}}])`,
		`sprintf("%d %d %d", [1])`,
		`sprintf("%*d|%.*f", [1000000, 1, 1000000, 2.5])`,
		`sprintf("%[3]v %[1]s %!", ["a", "b", [1, 2, 3]])`,
		`sprintf("%c%U%t%T%p", [65, 66, true, "s", "p"])`,
		`json.marshal({"<a>": ["&", "\u0000", 1.5, [[[[]]]], {"x": null}], "b": {"c": {"d": "e"}}})`,
		`json.marshal_with_options({"a": [1, {"b": [2, "<&>"]}]}, {"pretty": true, "indent": "        ", "prefix": "##"})`,
		`json.marshal_with_options([[[["x"]]]], {"indent": "\t\t\t"})`,
		`yaml.marshal({"a": [{"b": {"c": {"d": {"e": {"f": {"g": "w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w"}}}}}}], "k": "line\nline\n\u0001"})`,
		`yaml.marshal([[[[[[[[[[[[[[[[[[[[[[["deep words here and there and again and more words to fold the line past its width"]]]]]]]]]]]]]]]]]]]]]]])`,
		`regex.replace("abcabcabc", "(a)(b)", "$2$1$2$1[${1}]")`,
		`regex.replace("aaaa", "", "xy")`,
		`strings.replace_n({"a": "AAAA", "ab": "B", "": "-"}, "abcabca")`,
		`strings.replace_n({"aa": "xyz"}, "aaaaa")`,
		`replace("ééé", "", "<>")`,
		`concat(", ", ["a", "bb", "ccc"])`,
		`concat("--", {"x", "y"})`,
		`base64.encode("abcd")`,
		`base64url.encode_no_pad("abcde")`,
		`hex.encode("\u00ff\u0000")`,
		`urlquery.encode("a b&c/é")`,
		`urlquery.encode_object({"a b": "c&d", "e": ["f g", "h"], "i": {"j", "k"}})`,
		`glob.quote_meta("*?[]{}\\")`,
		`format_int(-123456789, 2)`,
		`format_int(1e30, 16)`,
	}
	for _, expr := range cases {
		call, err := ast.ParseExpr(expr)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		c := call.Terms.([]*ast.Term)
		name := c[0].String()
		predicted, err := sandboxTable[name].size(c[1:])
		if err != nil {
			t.Errorf("%s: refused: %v", expr, err)
			continue
		}
		rs, err := rego.New(rego.Query("x := "+expr), rego.Capabilities(Capabilities()), rego.StrictBuiltinErrors(true)).Eval(context.Background())
		if err != nil || len(rs) == 0 {
			t.Errorf("%s: %v (no result)", expr, err)
			continue
		}
		got, _ := rs[0].Bindings["x"].(string)
		if int64(len(got)) > predicted {
			t.Errorf("%s: produced %d bytes, over the %d computed before the call", expr, len(got), predicted)
		}
	}
}

func TestSourceDateEpoch(t *testing.T) {
	for _, c := range []struct {
		env, want, err string
	}{
		{"", "2026-01-01T00:00:00Z", ""},
		{"1700000000", "2023-11-14T22:13:20Z", ""},
		{" 0 ", "1970-01-01T00:00:00Z", ""},
		{"yesterday", "2026-01-01T00:00:00Z", `SOURCE_DATE_EPOCH="yesterday": not a number of seconds since 1970-01-01 (it sets the time rules see; unset it to use 2026-01-01T00:00:00Z)`},
		{"-5", "2026-01-01T00:00:00Z", `SOURCE_DATE_EPOCH="-5": not a number of seconds since 1970-01-01 (it sets the time rules see; unset it to use 2026-01-01T00:00:00Z)`},
	} {
		got, err := parseSourceDateEpoch(c.env)
		if got.Format(time.RFC3339) != c.want || fmt.Sprint(err) != map[bool]string{true: "<nil>", false: c.err}[c.err == ""] {
			t.Errorf("parseSourceDateEpoch(%q) = %v, %v; want %s, %q", c.env, got, err, c.want, c.err)
		}
	}
}

// What the evaluator builds by itself (pairs of a comprehension over two
// ranges) is no built-in's: the heap watchdog stops it. The limit is
// lowered to what is live now plus 64 MiB, so the test need not fill half
// a gigabyte. (That the engine then names the rule and keeps the built-in
// rules' findings is checks' concern.)
func TestHeapWatchdogStopsAnEvaluationThatGrows(t *testing.T) {
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	limit := (live[0].Value.Uint64() + 64<<20) &^ (1<<20 - 1)
	defer heapWatch.limit.Store(heapWatch.limit.Load())
	heapWatch.limit.Store(limit)

	ctx, done := Start(context.Background())
	defer done()
	_, err := rego.New(rego.Query("r := numbers.range(1, 5000); count([[i, j] | some i in r; some j in r]) < 0"), rego.Capabilities(Capabilities())).Eval(ctx)
	want := fmt.Sprintf("shiplint's live memory passed %d MiB while the rule ran (it builds values without bound)", limit>>20)
	why := StoppedForMemory(ctx)
	if err == nil || why == nil || why.Error() != want {
		t.Errorf("Eval error = %v, StoppedForMemory = %v; want an error, and %s", err, why, want)
	}
	if why := StoppedForMemory(context.Background()); why != nil {
		t.Errorf("StoppedForMemory(a context not stopped) = %v, want nil", why)
	}
}

// A value that stands for more than 10,000 copies of what it is built
// from is refused at the line where the count passes the cap; a few
// copies are fine.
func TestCheckExpansion(t *testing.T) {
	var src strings.Builder
	src.WriteString("package p\n\nx if {\n\ta0 := [\"x\"]\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&src, "\ta%d := [a%d, a%d]\n", i, i-1, i-1)
	}
	src.WriteString("\tcount(a30) > 0\n}\n")
	bad := ast.MustParseModule(src.String())
	ok := ast.MustParseModule("package q\n\nx if {\n\tb := [input.a, input.a]\n\tc := {\"x\": b, \"y\": [b, b]}\n\tcount(c) > 5\n}\n")
	got := CheckExpansion(map[string]*ast.Module{"bad.rego": bad, "ok.rego": ok})
	// a0 stands for 2 values, aN for 3*2^N-1: a12 (line 16) is the first past 10,000.
	want := []string{"bad.rego:16: this value repeats the values it is built from more than 10,000 times (each a := [b, b], or f(x) := [x, x] applied to its own result, doubles it), and OPA copies it out in full in one step that no deadline interrupts: build it with a comprehension, or without repeating"}
	if !slices.Equal(got, want) {
		t.Errorf("CheckExpansion:\n got %q\nwant %q", got, want)
	}
}

// Helpers that wrap a value in a larger literal, nested (a test fixture
// built from doc(run(cmd(...)))), only add to it; a wrapper named like the
// function it calls in another package is not a call to itself. Neither is
// refused; a helper that repeats its argument still is.
func TestCheckExpansionHelpers(t *testing.T) {
	h := ast.MustParseModule(`package h

cmd(name, args) := {"name": name, "args": args, "flags": [], "line": 1, "raw": "", "shell": ["sh", "-c"]}
run(cmds) := {"cmd": "RUN", "commands": cmds, "line": 1, "heredocs": [], "flags": {"a": 1, "b": 2}}
doc(instrs) := {"kind": "dockerfile", "args": [], "stages": [{"index": 0, "from": {"ref": "x", "tag": null}, "instructions": instrs}]}
twice(x) := [x, x]
`)
	user := ast.MustParseModule(`package u

import data.h

view(x) := h.doc(x)

fixture := h.doc([h.run([h.cmd("yum", ["install", "-y", "a", "b", "c"]), h.cmd("yum", ["clean", "all"])]), h.run([h.cmd("apk", ["add", "x"])])])

deep := view(view(view(view(view(view(view(view(fixture))))))))
`)
	if got := CheckExpansion(map[string]*ast.Module{"h.rego": h, "u.rego": user}); len(got) > 0 {
		t.Errorf("CheckExpansion refused helpers that only wrap: %q", got)
	}
	var src strings.Builder
	src.WriteString("package r\n\nimport data.h\n\nr0 := [\"x\"]\n")
	for i := 1; i <= 16; i++ {
		fmt.Fprintf(&src, "r%d := h.twice(r%d)\n", i, i-1)
	}
	got := CheckExpansion(map[string]*ast.Module{"h.rego": h, "r.rego": ast.MustParseModule(src.String())})
	// r0 is 2, rN = 1 + 2*r(N-1) = 3*2^N-1: r12 (line 17) is the first past 10,000.
	if len(got) != 1 || !strings.HasPrefix(got[0], "r.rego:17: this value repeats") {
		t.Errorf("CheckExpansion = %q, want r.rego:17", got)
	}
}
