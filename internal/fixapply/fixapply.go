// Package fixapply applies findings' fixes (finding.Fix) to a file's text.
// The engine places the edits (checks/fix.go); this package only turns
// their line/column ranges into byte offsets and splices.
package fixapply

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/shiplint/shiplint/internal/finding"
)

// Result is what applying the fixes of one file did.
type Result struct {
	Text []byte
	// Applied and Skipped count fixes. A fix is skipped when one of its
	// edits overlaps (or touches) an edit of a fix applied before it, or
	// does not fit the text; a rerun applies it (or the finding is gone).
	Applied, Skipped int
	// Done[i] says whether fixes[i] was applied.
	Done []bool
}

type span struct {
	start, end int
	text       string
}

// Apply applies fixes, in order, to src: every edit of a fix or none.
func Apply(src []byte, fixes []*finding.Fix) Result {
	starts := lineStarts(src)
	var taken []span
	res := Result{Done: make([]bool, len(fixes))}
	for k, fx := range fixes {
		var spans []span
		ok := fx != nil && len(fx.Edits) > 0
		for _, e := range fx.Edits {
			if !ok {
				break
			}
			s, okS := offset(src, starts, e.Range.StartLine, e.Range.StartColumn)
			en, okE := offset(src, starts, e.Range.EndLine, e.Range.EndColumn)
			if !okS || !okE || en < s {
				ok = false
				break
			}
			spans = append(spans, span{s, en, e.NewText})
		}
		for i, sp := range spans {
			for _, t := range append(taken[:len(taken):len(taken)], spans[:i]...) {
				if sp.start <= t.end && t.start <= sp.end {
					ok = false
				}
			}
		}
		if !ok {
			res.Skipped++
			continue
		}
		taken = append(taken, spans...)
		res.Applied++
		res.Done[k] = true
	}
	slices.SortFunc(taken, func(a, b span) int { return a.start - b.start })
	var out bytes.Buffer
	out.Grow(len(src))
	at := 0
	for _, t := range taken {
		out.Write(src[at:t.start])
		out.WriteString(t.text)
		at = t.end
	}
	out.Write(src[at:])
	res.Text = out.Bytes()
	return res
}

// lineStarts are the byte offsets where each line starts (line 1 after a
// byte order mark, which the parsers do not count).
func lineStarts(src []byte) []int {
	first := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		first = 3
	}
	starts := []int{first}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offset is the byte offset of 1-based line and character column, which
// must lie on the line's text (at most just after its last character,
// before its line ending).
func offset(src []byte, starts []int, line, col int) (int, bool) {
	if line < 1 || line > len(starts) {
		return 0, false
	}
	end := len(src)
	if line < len(starts) {
		end = starts[line] - 1
	}
	text := src[starts[line-1]:end]
	text = bytes.TrimSuffix(text, []byte("\r"))
	off := 0
	for c := 1; c < max(col, 1); c++ {
		if off >= len(text) {
			return 0, false
		}
		_, n := utf8.DecodeRune(text[off:])
		off += n
	}
	return starts[line-1] + off, true
}
