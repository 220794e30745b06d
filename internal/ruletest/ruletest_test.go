package ruletest

import (
	"reflect"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

func TestExpectations(t *testing.T) {
	src := "FROM x\n# want: DF001, DF002\n\n# other comment\nUSER root\nRUN a \\\n    # want: DF003\n    b\nprivileged: true   # want: KS001 KS002\n"
	got := Expectations([]byte(src))
	want := []Want{{5, "DF001"}, {5, "DF002"}, {8, "DF003"}, {9, "KS001"}, {9, "KS002"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestCompare(t *testing.T) {
	f := func(line int, id string) finding.Finding {
		return finding.Finding{RuleID: id, Range: document.Range{StartLine: line}, Message: "m"}
	}
	wants := []Want{{3, "A"}, {5, "A"}}
	got := []finding.Finding{f(3, "A"), f(4, "A"), f(9, "B")}
	problems := Compare("x", wants, got, map[string]bool{"A": true})
	want := []string{"x:4: unexpected A: m", "x:5: want A, got none"}
	if !reflect.DeepEqual(problems, want) {
		t.Fatalf("got %q, want %q", problems, want)
	}
}
