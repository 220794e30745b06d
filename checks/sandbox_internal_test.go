package checks

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

	"github.com/shiplint/shiplint/internal/document"
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
	for _, b := range capabilities().Builtins {
		if removedWhy(b.Name) != "" {
			t.Errorf("removed built-in %s is in the capabilities", b.Name)
		}
	}
	if caps := capabilities(); caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("AllowNet = %v, want an empty list (no host)", caps.AllowNet)
	}
}

// docs/writing-rules.md lists what user rules get: every removed and
// every capped built-in is named there.
func TestWritingRulesListsTheSandbox(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "writing-rules.md"))
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
		rs, err := rego.New(rego.Query("x := "+expr), rego.Capabilities(capabilities()), rego.StrictBuiltinErrors(true)).Eval(context.Background())
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
// a gigabyte.
func TestHeapWatchdogStopsARuleThatGrows(t *testing.T) {
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	limit := (live[0].Value.Uint64() + 64<<20) &^ (1<<20 - 1)
	defer heapWatch.limit.Store(heapWatch.limit.Load())
	heapWatch.limit.Store(limit)

	dir := t.TempDir()
	src := "# METADATA\n# title: grows\n# custom:\n#   id: ORG001\n#   severity: high\npackage shiplint.dockerfile.grows\n\n" +
		"deny contains \"never\" if {\n\tr := numbers.range(1, 5000)\n\tcount([[i, j] | some i in r; some j in r]) < 0\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "x.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	pack, err := Load(context.Background(), Options{Policies: []string{dir}, Kinds: []document.Kind{document.Dockerfile}})
	if err != nil {
		t.Fatal(err)
	}
	res := pack.ScanFile(context.Background(), File{Path: "Dockerfile", Kind: document.Dockerfile, Source: []byte("FROM debian:latest\nUSER root\n")}, ScanOptions{})
	file := filepath.ToSlash(filepath.Join(dir, "x.rego"))
	want := fmt.Sprintf("Dockerfile: rule ORG001 (%s) was stopped: shiplint's live memory passed %d MiB while the rule ran (it builds values without bound); its findings are missing", file, limit>>20)
	if len(res.Notifications) != 1 || res.Notifications[0].Message != want {
		t.Errorf("notifications = %+v\nwant %s", res.Notifications, want)
	}
	var ids []string
	for _, f := range res.Findings {
		ids = append(ids, fmt.Sprintf("%s:%d", f.RuleID, f.Range.StartLine))
	}
	if !slices.Equal(ids, []string{"DF002:1", "DF001:2"}) {
		t.Errorf("findings = %v, want the built-in ones", ids)
	}
}
