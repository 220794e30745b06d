// Package didyoumean picks the names closest to a mistyped one, for the
// "Did you mean ...?" hints of unknown commands, flags and rule IDs.
//
// urfave/cli's own suggestions (App.Suggest) always name one candidate, however
// far it is, and print flag hints to standard output, where they would mix
// with a JSON or SARIF report; so shiplint computes its own.
package didyoumean

import (
	"slices"
	"strings"
)

// Closest returns the candidates nearest to input (case-insensitive edit
// distance, a swap of two neighbouring letters counting as one edit), all
// those at the smallest distance, sorted and without duplicates. None when
// even the nearest is too far to be a typo: more than a third of the input's
// length (at least 2), or as many edits as either name has letters (a
// long typo is not "-p" mistyped).
func Closest(input string, candidates []string) []string {
	in := strings.ToLower(input)
	best := max(2, len([]rune(in))/3)
	var out []string
	for _, c := range candidates {
		d := distance(in, strings.ToLower(c))
		if d > best || d >= len([]rune(in)) || d >= len([]rune(c)) {
			continue
		}
		if d < best {
			best, out = d, nil
		}
		out = append(out, c)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Hint is msg followed by ". Did you mean "a"?" (or "a" or "b") for the
// closest names, each written by quote; msg alone when none is close.
func Hint(msg, input string, candidates []string, quote func(string) string) string {
	if names := suggestion(input, candidates, quote); names != "" {
		return msg + ". Did you mean " + names + "?"
	}
	return msg
}

// suggestion lists the closest names, "" when none is close.
func suggestion(input string, candidates []string, quote func(string) string) string {
	names := Closest(input, candidates)
	if len(names) == 0 {
		return ""
	}
	for i, n := range names {
		names[i] = quote(n)
	}
	list := names[0]
	if len(names) > 1 {
		list = strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	}
	return list
}

// distance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of neighbours.
func distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// Three rows suffice: the current one, the previous one, and the one
	// before it for transpositions.
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
