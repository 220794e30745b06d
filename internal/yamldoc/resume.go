package yamldoc

import (
	"bytes"
	"sync"

	"github.com/shiplint/shiplint/internal/document"
	yaml "go.yaml.in/yaml/v3"
)

// resume decodes the documents after a syntax error (err, the first error
// of the stream, in the document of index idx, after docs), each part of
// the stream between two document markers on its own: a marker at column 0
// ends any document, scalars included (YAML's c-forbidden), so the parts
// after the broken one read as they would in the stream. A part that fails
// too is left out; only the first error is reported. It costs nothing
// until a stream fails.
func (c *converter) resume(src []byte, docs []Doc, idx int, err error, mu *sync.Mutex) []Doc {
	line := err.(*document.SyntaxError).Line
	last := 0 // the last line of the documents decoded before the error
	if len(docs) > 0 {
		last = docs[len(docs)-1].Range.EndLine
	}
	i := 0 // the stream index of the next part's document
	for _, ch := range chunks(c.src) {
		if !ch.doc {
			continue
		}
		i++
		// The parts after the broken document; those that start after the
		// error's line too, should a part hold two documents for yaml.v3.
		if ch.start <= last || i-1 <= idx && ch.start <= line {
			continue
		}
		if !ch.content {
			continue // an empty document: nothing to decode
		}
		text := src[c.src.offset(ch.start):c.src.offset(ch.end+1)]
		if checkText(c.path, text) == nil {
			more, _, _ := c.decode(text, ch.start-1, i-1, mu)
			docs = append(docs, more...)
		}
		if c.full {
			break
		}
	}
	return docs
}

// chunk is a part of a stream between document markers: lines start..end
// (1-based, inclusive). doc tells whether yaml.v3 counts a document in it
// (maybe empty): a part that starts with a marker does, one of comments and
// blank lines only does not. content tells whether it holds more than
// markers, directives, comments and blank lines.
type chunk struct {
	start, end   int
	doc, content bool
}

// chunks splits a stream at its document markers: a line that is --- or
// ... at column 0, alone or followed by a blank (then a comment or the
// document's first node). A part starts at its --- line, or at the %
// directives just before it; after a ... line (which ends a document) at
// the next line.
func chunks(s *source) []chunk {
	var out []chunk
	start, doc, content := 1, false, false
	cut := func(end, next int, nextDoc bool) {
		if end >= start {
			out = append(out, chunk{start, end, doc, content})
		}
		start, doc, content = next, nextDoc, false
	}
	for n := 1; n <= s.count(); n++ {
		l := s.lineBytes(n)
		switch {
		case marker(l, "---"):
			first := n
			for first-1 >= start && bytes.HasPrefix(s.lineBytes(first-1), []byte("%")) {
				first--
			}
			cut(first-1, first, true)
			content = !blankOrComment(l[3:])
		case marker(l, "..."):
			cut(n-1, n+1, false)
		case !blankOrComment(l) && l[0] != '%': // directives belong to the next part
			doc, content = true, true
		}
	}
	cut(s.count(), s.count()+1, false)
	return out
}

// blankOrComment tells a line that holds no YAML node.
func blankOrComment(l []byte) bool {
	t := bytes.TrimLeft(l, " \t")
	return len(t) == 0 || t[0] == '#'
}

// marker tells whether l is the document marker m (--- or ...).
func marker(l []byte, m string) bool {
	if !bytes.HasPrefix(l, []byte(m)) {
		return false
	}
	return len(l) == len(m) || l[len(m)] == ' ' || l[len(m)] == '\t'
}

// offset is the byte offset where 1-based line n starts (len(text) past the
// last line).
func (s *source) offset(n int) int {
	if n-1 < len(s.starts) {
		return s.starts[max(n-1, 0)]
	}
	return len(s.text)
}

// shift moves the nodes of a document decoded from a part of the stream to
// their lines in the stream. Every node is in exactly one Content list
// (an alias points at its anchor, which is elsewhere in the tree).
func shift(n *yaml.Node, by int) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x.Line += by
		stack = append(stack, x.Content...)
	}
}
