package compose

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

// doublingEnv is a .env of lines lines after V0=aaaa, each doubling the one
// before: V40 would be 4 TiB.
func doublingEnv(lines int) string {
	var b strings.Builder
	b.WriteString("V0=aaaa\n")
	for i := 1; i <= lines; i++ {
		fmt.Fprintf(&b, "V%d=${V%d}${V%d}\n", i, i-1, i-1)
	}
	return b.String()
}

func syntaxErr(t *testing.T, err error) *document.SyntaxError {
	t.Helper()
	var se *document.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v (%T), want a *document.SyntaxError", err, err)
	}
	return se
}

// The doubling .env stops at the first variable over 1 MiB (V19, on line
// 20: V18 is exactly 1 MiB), which is left unset, and the Compose file is
// still checked, with a syntax error at its line 1 naming the .env line.
func TestDotEnvDoublingBudget(t *testing.T) {
	src := "services:\n  web:\n    image: nginx\n    environment:\n      BIG: ${V40}\n      MAX: ${V18}\n"
	d, err := ParseFile("compose.yaml", []byte(src), Options{ReadFile: readFrom(map[string]string{".env": doublingEnv(40)})})
	se := syntaxErr(t, err)
	want := &document.SyntaxError{Path: "compose.yaml", Line: 1, Msg: ".env line 20: V19 is left unset: ${V18} makes the value longer than 1 MiB, the limit for one interpolated value"}
	if *se != *want {
		t.Errorf("err = %#v\nwant %#v", se, want)
	}
	if d == nil {
		t.Fatal("no document alongside the error")
	}
	env := d.Input["services"].(map[string]any)["web"].(map[string]any)["environment"].(map[string]any)
	if n := len(env["MAX"].(string)); n != 1<<20 {
		t.Errorf("V18 is %d bytes, want %d", n, 1<<20)
	}
	// V20 took V19 as written; the doubling that starts again from there is
	// refused again when it reaches 1 MiB (V37), so V40 stays short.
	if big := env["BIG"].(string); len(big) > 64 {
		t.Errorf("V40 is %d bytes: %.60q", len(big), big)
	}
}

func TestDotEnvBudgetLeavesUnset(t *testing.T) {
	ip := &interpolator{}
	ip.loadDotEnv([]byte(doublingEnv(19) + "AFTER=ok\n"))
	if _, ok := ip.env["V19"]; ok {
		t.Error("V19 is set")
	}
	if ip.env["AFTER"] != "ok" || len(ip.env["V18"]) != 1<<20 {
		t.Errorf("AFTER = %q, len(V18) = %d", ip.env["AFTER"], len(ip.env["V18"]))
	}
	if want := ".env line 20: V19 is left unset: ${V18} makes the value longer than 1 MiB, the limit for one interpolated value"; ip.dotenv != want {
		t.Errorf("dotenv = %q, want %q", ip.dotenv, want)
	}
}

// A line that is long as written is not refused: only what variables add
// counts.
func TestBudgetCountsOnlySubstitutions(t *testing.T) {
	ip := &interpolator{env: map[string]string{"X": "x"}}
	long := strings.Repeat("a", 2<<20) + "${X}$$"
	got, _, changed := ip.expand(long)
	if !changed || ip.refused != "" || got != strings.Repeat("a", 2<<20)+"x$" {
		t.Errorf("changed %v, refused %q, got %d bytes", changed, ip.refused, len(got))
	}
}

// A value of the Compose file that its variables take over 1 MiB is kept as
// written, with a syntax error at its line.
func TestComposeValueBudget(t *testing.T) {
	files := map[string]string{".env": "X=" + strings.Repeat("x", 600<<10) + "\n"}
	src := "services:\n  web:\n    image: nginx\n    environment:\n      SMALL: ${X}\n      TWICE: ${X}${X}\n      LATER: a${X}${X}\n"
	d, err := ParseFile("compose.yaml", []byte(src), Options{ReadFile: readFrom(files)})
	se := syntaxErr(t, err)
	want := &document.SyntaxError{Path: "compose.yaml", Line: 6, Msg: "${X} makes the value longer than 1 MiB, the limit for one interpolated value; the value is kept as written"}
	if *se != *want {
		t.Errorf("err = %#v\nwant %#v", se, want)
	}
	got := d.Input["services"].(map[string]any)["web"].(map[string]any)["environment"].(map[string]any)
	if got["TWICE"] != "${X}${X}" || got["LATER"] != "a${X}${X}" || len(got["SMALL"].(string)) != 600<<10 {
		t.Errorf("TWICE = %.20q, LATER = %.20q, len(SMALL) = %d", got["TWICE"], got["LATER"], len(got["SMALL"].(string)))
	}
}

// Values that each fit but together pass 16 MiB: those after the budget is
// spent (in key order) are kept as written, the first of them reported.
func TestComposeTotalBudget(t *testing.T) {
	files := map[string]string{".env": "X=" + strings.Repeat("x", 1<<20) + "\n"}
	var b strings.Builder
	b.WriteString("services:\n  web:\n    image: nginx\n    environment:\n")
	for i := range 20 {
		fmt.Fprintf(&b, "      E%02d: ${X}\n", i) // E00 on line 5
	}
	d, err := ParseFile("compose.yaml", []byte(b.String()), Options{ReadFile: readFrom(files)})
	se := syntaxErr(t, err)
	want := &document.SyntaxError{Path: "compose.yaml", Line: 5 + 16, Msg: "${X} takes the values interpolated in this file and its .env past 16 MiB in all; the value is kept as written"}
	if *se != *want {
		t.Errorf("err = %#v\nwant %#v", se, want)
	}
	got := d.Input["services"].(map[string]any)["web"].(map[string]any)["environment"].(map[string]any)
	for i := range 20 {
		v := got[fmt.Sprintf("E%02d", i)].(string)
		if expanded := len(v) == 1<<20; expanded != (i < 16) {
			t.Errorf("E%02d: %d bytes", i, len(v))
		}
	}
}

// Defaults count what their own variables add, once.
func TestBudgetInDefaults(t *testing.T) {
	half := strings.Repeat("h", 1<<19)
	ip := &interpolator{env: map[string]string{"H": half}}
	if got, _, _ := ip.expand("${U:-${H}}${H}"); ip.refused != "" || len(got) != 1<<20 {
		t.Errorf("refused %q, got %d bytes", ip.refused, len(got))
	}
	in := "${U:-${H}${H}}x${H}"
	if got, uses, changed := ip.expand(in); got != in || uses != nil || changed || ip.refused == "" {
		t.Errorf("got %.30q, uses %v, changed %v, refused %q", got, uses, changed, ip.refused)
	}
}
