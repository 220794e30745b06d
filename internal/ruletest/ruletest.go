// Package ruletest checks rules against fixture files whose expected
// findings are written inline, the way Go's analysistest uses // want:
//
//	privileged: true   # want: KS001
//
//	# want: DF003
//	RUN curl -fsSL https://example.com/install.sh | sh
//
// A trailing "# want: ID[ ID...]" expects the findings on its own line (also
// at the end of a comment that says something else); a comment line
// holding only the expectation applies to the next line that is neither
// blank nor a comment (so it works in Dockerfiles, where "#" only
// starts a comment at the beginning of a line, including inside continued
// RUN instructions and heredocs).
package ruletest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/shiplint/shiplint/internal/finding"
)

var wantPattern = regexp.MustCompile(`#\s*want:\s*([A-Za-z0-9_, -]+?)\s*$`)

// Want is one expected finding.
type Want struct {
	Line   int
	RuleID string
}

// Expectations reads the want comments of a fixture.
func Expectations(src []byte) []Want {
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	var out []Want
	var pending []string
	for i, l := range lines {
		trimmed := strings.TrimSpace(l)
		m := wantPattern.FindStringSubmatch(l)
		switch {
		case m != nil && strings.HasPrefix(trimmed, "#") && strings.Index(trimmed[1:], "#") >= 0:
			// "# shiplint ignore=X -- why  # want: ID": a comment with its
			// own content expects a finding on its own line.
			for _, id := range ids(m[1]) {
				out = append(out, Want{Line: i + 1, RuleID: id})
			}
		case m != nil && strings.HasPrefix(trimmed, "#"):
			pending = append(pending, ids(m[1])...)
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			// blank or comment: an expectation above still waits
		default:
			for _, id := range pending {
				out = append(out, Want{Line: i + 1, RuleID: id})
			}
			pending = nil
			if m != nil {
				for _, id := range ids(m[1]) {
					out = append(out, Want{Line: i + 1, RuleID: id})
				}
			}
		}
	}
	return out
}

func ids(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}

// Compare checks the active (unsuppressed) findings of one file against its
// expectations, for the rules in scope (nil means every rule), and
// describes each difference:
// a finding that was wanted but missing, or one that was not wanted.
func Compare(path string, wants []Want, got []finding.Finding, scope map[string]bool) []string {
	inScope := func(id string) bool { return scope == nil || scope[id] }
	remaining := map[Want]int{}
	for _, w := range wants {
		remaining[w]++
	}
	var problems []string
	for _, f := range got {
		if !inScope(f.RuleID) || f.Suppressed != nil {
			continue
		}
		w := Want{Line: f.Range.StartLine, RuleID: f.RuleID}
		if remaining[w] > 0 {
			remaining[w]--
			continue
		}
		problems = append(problems, fmt.Sprintf("%s:%d: unexpected %s: %s", path, f.Range.StartLine, f.RuleID, f.Message))
	}
	for _, w := range wants {
		if remaining[w] > 0 && inScope(w.RuleID) {
			remaining[w]--
			problems = append(problems, fmt.Sprintf("%s:%d: want %s, got none", path, w.Line, w.RuleID))
		}
	}
	slices.Sort(problems)
	return problems
}
