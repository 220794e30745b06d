package didyoumean

import (
	"slices"
	"strconv"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"scan", "scan", 0}, {"scna", "scan", 1}, {"formt", "format", 1},
		{"explian", "explain", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}, {"rule", "rules", 1},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	commands := []string{"p", "scan", "render", "rules", "explain", "test", "lsp", "version"}
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"scna", []string{"scan"}},
		{"SCAN", []string{"scan"}},
		{"rule", []string{"rules"}},
		{"tset", []string{"test"}},
		{"explainn", []string{"explain"}},
		{"x", nil},               // one letter: every short name is one edit away
		{"deploy", nil},          // nothing near
		{"lst", []string{"lsp"}}, // one edit beats two ("test")
		{"nope", nil},            // not "-p": as many edits as the candidate has letters
	} {
		if got := Closest(c.in, commands); !slices.Equal(got, c.want) {
			t.Errorf("Closest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHint(t *testing.T) {
	if got, want := Hint("no flag formt", "formt", []string{"format", "fail-on", "framework"}, strconv.Quote), `no flag formt. Did you mean "format"?`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := Hint("x", "cat", []string{"cut", "dog", "bat", "cab", "cat s"}, strconv.Quote), `x. Did you mean "bat", "cab" or "cut"?`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Hint("x", "zzzz", []string{"scan"}, strconv.Quote); got != "x" {
		t.Errorf("got %q, want none", got)
	}
}
