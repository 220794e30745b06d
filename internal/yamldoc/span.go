package yamldoc

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/shiplint/shiplint/internal/document"
	yaml "go.yaml.in/yaml/v3"
)

// source indexes the text by line so end positions (yaml.v3 gives only
// starts, in characters) can be computed from the characters actually
// written. It keeps the caller's bytes (a copy, or a string per line, cost
// more than the positions it serves) and where each line starts. Lines are
// decoded to runes only when asked for and only when they are not ASCII
// (where a byte is a character): decoding every line of every manifest was a
// third of the parsing time.
type source struct {
	text   []byte
	starts []int          // byte offset of each line
	runes  map[int][]rune // decoded on demand, by line number
	ascii  map[int]bool   // whether a long line is ASCII, once known
}

// longLine is the length from which whether a line is ASCII is remembered:
// a minified JSON manifest is one line of megabytes, and every scalar on it
// asks.
const longLine = 512

func newSource(src []byte) *source {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &source{text: src, starts: starts}
}

func (s *source) count() int { return len(s.starts) }

// lineBytes returns the 1-based line n without its line ending (nil outside
// the text). It is the caller's memory: read it, never modify it.
func (s *source) lineBytes(n int) []byte {
	if n < 1 || n > len(s.starts) {
		return nil
	}
	end := len(s.text)
	if n < len(s.starts) {
		end = s.starts[n] - 1
	}
	return bytes.TrimSuffix(s.text[s.starts[n-1]:end], []byte{'\r'})
}

// line returns the 1-based line n as characters, or nil.
func (s *source) line(n int) []rune {
	if n < 1 || n > len(s.starts) {
		return nil
	}
	if r, ok := s.runes[n]; ok {
		return r
	}
	if s.runes == nil {
		s.runes = map[int][]rune{}
	}
	r := bytes.Runes(s.lineBytes(n))
	s.runes[n] = r
	return r
}

// asciiLine returns line n when every byte of it is ASCII.
func (s *source) asciiLine(n int) ([]byte, bool) {
	l := s.lineBytes(n)
	if len(l) >= longLine {
		if a, ok := s.ascii[n]; ok {
			if !a {
				return nil, false
			}
			return l, true
		}
		if s.ascii == nil {
			s.ascii = map[int]bool{}
		}
		s.ascii[n] = isASCII(l)
		if !s.ascii[n] {
			return nil, false
		}
		return l, true
	}
	if !isASCII(l) {
		return nil, false
	}
	return l, true
}

func isASCII(l []byte) bool {
	for i := 0; i < len(l); i++ {
		if l[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// spans computes the ranges of the nodes of one stream.
type spans struct {
	src  *source
	ends map[*yaml.Node]document.Range // collections (see span)
}

// entrySpan covers a mapping entry: from its key to the end of its value.
func (s *spans) entrySpan(k, v *yaml.Node) document.Range {
	r := s.span(v)
	r.StartLine, r.StartColumn = k.Line, k.Column
	if r.EndLine < r.StartLine || (r.EndLine == r.StartLine && r.EndColumn < r.StartColumn) {
		kr := s.span(k)
		r.EndLine, r.EndColumn = kr.EndLine, kr.EndColumn
	}
	return r
}

// span is the range of one node. Collections are memoized, because a
// collection ends where its last child ends and both ask; a scalar's span
// is computed at most twice, cheaper than a map entry per node.
func (s *spans) span(n *yaml.Node) document.Range {
	collection := n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode
	if collection {
		if r, ok := s.ends[n]; ok {
			return r
		}
	}
	r := document.Range{StartLine: n.Line, StartColumn: n.Column, EndLine: n.Line, EndColumn: n.Column}
	switch n.Kind {
	case yaml.ScalarNode:
		r.EndLine, r.EndColumn = s.scalarEnd(n)
	case yaml.AliasNode:
		r.EndColumn = n.Column + 1 + utf8.RuneCountInString(n.Value)
	case yaml.SequenceNode, yaml.MappingNode:
		r.EndLine, r.EndColumn = s.collectionEnd(n)
	}
	if collection {
		if s.ends == nil {
			s.ends = map[*yaml.Node]document.Range{}
		}
		s.ends[n] = r
	}
	return r
}

func (s *spans) collectionEnd(n *yaml.Node) (int, int) {
	line, col := n.Line, n.Column+1
	if len(n.Content) > 0 {
		last := s.span(n.Content[len(n.Content)-1])
		line, col = last.EndLine, last.EndColumn
	}
	if n.Style&yaml.FlowStyle == 0 {
		return line, col
	}
	// Include the closing bracket of a flow collection when it is on the
	// same line (best effort).
	closer := ']'
	if n.Kind == yaml.MappingNode {
		closer = '}'
	}
	l := s.src.line(line)
	for i := col - 1; i >= 0 && i < len(l); i++ {
		if l[i] == closer {
			return line, i + 2
		}
	}
	return line, col
}

func (s *spans) scalarEnd(n *yaml.Node) (int, int) {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		if l, ok := s.src.asciiLine(n.Line); ok && n.Column-1 <= len(l) && n.Column >= 1 {
			return n.Line, plainEndASCII(l, n.Column-1, n.Value)
		}
	}
	l := s.src.line(n.Line)
	start := n.Column - 1
	if start < 0 || start > len(l) {
		return n.Line, n.Column
	}
	switch {
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		return s.quotedEnd(n.Line, start, n.Style&yaml.DoubleQuotedStyle != 0)
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return s.blockEnd(n.Line)
	}
	return n.Line, plainEnd(l, start, n.Value)
}

// plainEnd finds where a plain scalar ends on its first line: its text when
// it is there (after an anchor or tag, if any), else the line up to a comment
// (multi-line plain scalars). It compares in place: a long one-line flow
// document must not cost a copy of the line per scalar.
func plainEnd(l []rune, start int, value string) int {
	if value == "" {
		return start + 1
	}
	if !strings.Contains(value, "\n") {
		v := []rune(value)
		for i := start; i+len(v) <= len(l) && i < start+256; i++ {
			if equalRunes(l[i:i+len(v)], v) {
				return i + len(v) + 1
			}
		}
	}
	rest := string(l[start:])
	if i := strings.Index(rest, " #"); i >= 0 {
		rest = rest[:i]
	}
	return start + utf8.RuneCountInString(strings.TrimRight(rest, " \t")) + 1
}

// plainEndASCII is plainEnd for an ASCII line, where bytes are characters.
func plainEndASCII(l []byte, start int, value string) int {
	if value == "" {
		return start + 1
	}
	if !strings.Contains(value, "\n") {
		window := l[start:min(len(l), start+255+len(value))]
		if i := bytes.Index(window, []byte(value)); i >= 0 && i < 256 {
			return start + i + len(value) + 1
		}
	}
	rest := l[start:]
	if i := bytes.Index(rest, []byte(" #")); i >= 0 {
		rest = rest[:i]
	}
	return start + utf8.RuneCount(bytes.TrimRight(rest, " \t")) + 1
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// quotedEnd scans to the closing quote, across lines if needed.
func (s *spans) quotedEnd(line, start int, double bool) (int, int) {
	q := '\''
	if double {
		q = '"'
	}
	l := s.src.line(line)
	// Skip a tag or anchor before the opening quote.
	for start < len(l) && l[start] != q {
		start++
	}
	i := start + 1
	for ln := line; ln <= s.src.count(); ln, i = ln+1, 0 {
		l = s.src.line(ln)
		for ; i < len(l); i++ {
			switch {
			case double && l[i] == '\\':
				i++
			case l[i] == q && !double && i+1 < len(l) && l[i+1] == q:
				i++
			case l[i] == q:
				return ln, i + 2
			}
		}
	}
	return line, len(s.src.line(line)) + 1
}

// blockEnd finds the last content line of a literal or folded scalar: lines
// after the header that are blank or indented deeper than the header line.
// It reads the text as bytes: indentation is spaces, and only the last
// line's length is counted in characters.
func (s *spans) blockEnd(header int) (int, int) {
	if header < 1 || header > s.src.count() {
		return header, 1
	}
	indent := leadingSpaces(s.src.lineBytes(header))
	endLine := header
	for ln := header + 1; ln <= s.src.count(); ln++ {
		l := s.src.lineBytes(ln)
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		if leadingSpaces(l) <= indent {
			break
		}
		endLine = ln
	}
	return endLine, utf8.RuneCount(s.src.lineBytes(endLine)) + 1
}

func leadingSpaces(l []byte) int {
	n := 0
	for n < len(l) && l[n] == ' ' {
		n++
	}
	return n
}
