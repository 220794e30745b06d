package document

import (
	"encoding/json"
	"testing"
)

func TestKey(t *testing.T) {
	cases := []struct {
		path []any
		want string
	}{
		{nil, ""},
		{[]any{"stages", 0, "from"}, "/stages/0/from"},
		{[]any{"services", "a/b~c"}, "/services/a~1b~0c"},
		{[]any{"containers", int64(2)}, "/containers/2"},
		{[]any{"containers", json.Number("3")}, "/containers/3"},
		{[]any{"x", float64(1)}, "/x/1"},
	}
	for _, c := range cases {
		if got := Key(c.path...); got != c.want {
			t.Errorf("Key(%v) = %q, want %q", c.path, got, c.want)
		}
	}
}

func TestResolveFallsBackToDeepestExistingNode(t *testing.T) {
	p := Positions{
		"":                              {StartLine: 1, EndLine: 20},
		"/containers/0":                 {StartLine: 5, StartColumn: 7, EndLine: 9},
		"/containers/0/image":           {StartLine: 6, StartColumn: 9, EndLine: 6, EndColumn: 25},
		"/containers/0/securityContext": {StartLine: 7, StartColumn: 9, EndLine: 8},
	}
	cases := []struct {
		path []any
		want int
	}{
		{[]any{"containers", 0, "image"}, 6},
		{[]any{"containers", 0, "securityContext", "runAsNonRoot"}, 7},
		{[]any{"containers", 0, "resources", "limits"}, 5},
		{[]any{"podSpec", "hostNetwork"}, 1},
		{nil, 1},
	}
	for _, c := range cases {
		r, ok := p.Resolve(c.path)
		if !ok || r.StartLine != c.want {
			t.Errorf("Resolve(%v) = %v, %v; want line %d", c.path, r, ok, c.want)
		}
	}
	if _, ok := (Positions{}).Resolve([]any{"x"}); ok {
		t.Error("Resolve on empty positions should fail")
	}
}
