package report

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shiplint/shiplint/internal/finding"
)

// Budgets for one value from the scanned tree in a report. A snippet line is
// the whole source line, and every finding on a line repeats it: a 300 KB
// one-line YAML list of 2,000 Pods made a 40,000-finding report of over
// 10 GB (23 GB of memory for JSON). Real snippets are under 200 bytes and
// real messages under 500; longer values are cut at a character boundary
// and end in "…".
const (
	maxSnippet = 1 << 10
	maxValue   = 4 << 10
)

// bounded returns res with every snippet line cut to maxSnippet bytes and every
// message, title, resource and justification to maxValue. It copies only
// when something is over.
func bounded(res finding.Result) finding.Result {
	over := slices.ContainsFunc(res.Findings, findingOver) ||
		slices.ContainsFunc(res.Notifications, func(n finding.Notification) bool { return len(n.Message) > maxValue })
	if !over {
		return res
	}
	res.Findings = slices.Clone(res.Findings)
	for i := range res.Findings {
		f := &res.Findings[i]
		f.Snippet = cutLines(f.Snippet, maxSnippet)
		f.Message = cut(f.Message, maxValue)
		f.Title = cut(f.Title, maxValue)
		f.Resource = cut(f.Resource, maxValue)
		if s := f.Suppressed; s != nil && len(s.Justification) > maxValue {
			c := *s
			c.Justification = cut(c.Justification, maxValue)
			f.Suppressed = &c
		}
	}
	res.Notifications = slices.Clone(res.Notifications)
	for i := range res.Notifications {
		res.Notifications[i].Message = cut(res.Notifications[i].Message, maxValue)
	}
	return res
}

func findingOver(f finding.Finding) bool {
	return longestLine(f.Snippet) > maxSnippet || len(f.Message) > maxValue || len(f.Title) > maxValue ||
		len(f.Resource) > maxValue || f.Suppressed != nil && len(f.Suppressed.Justification) > maxValue
}

// cutLines cuts each line of s (a snippet of several lines) to max bytes.
func cutLines(s string, max int) string {
	if longestLine(s) <= max {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = cut(l, max)
	}
	return strings.Join(lines, "\n")
}

func longestLine(s string) int {
	n := 0
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			i = len(s)
		}
		n = max(n, i)
		s = s[min(i+1, len(s)):]
	}
	return n
}

// cut shortens s to at most max bytes plus "…", at a character boundary.
func cut(s string, max int) string {
	if len(s) <= max {
		return s
	}
	end := max
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + "…"
}
