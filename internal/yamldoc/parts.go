package yamldoc

import (
	"bytes"
	"errors"
	"sync"

	"github.com/shiplint/shiplint/internal/document"
)

// Part is a piece of a text decoded on its own, located in the whole text:
// it starts at Line, Column (1-based; Column in bytes, counting the text
// before it on that line). Text has the lines of the whole text it comes
// from (it may differ in bytes within a line).
type Part struct {
	Text         []byte
	Line, Column int
}

// DecodeParts decodes each part as a stream of its own (document i of the
// result is part i's, indexed i), with every position in src: a stream of
// JSON values is not a YAML stream (no document markers between them), but
// each value is a YAML document. src must hold the lines the parts come
// from, without a byte order mark; its Locators read it later. A part that
// fails is left out, and the first failure is returned at that part's
// first line (the caller knows the text is valid; this is the YAML
// decoder's disagreement).
func DecodeParts(path string, src []byte, parts []Part, opt Options) ([]Doc, error) {
	opt = opt.withDefaults()
	c := &converter{spans: &spans{src: newSource(src)}, path: path, opt: opt, budget: opt.MaxAliasNodes}
	var mu sync.Mutex // the parts' documents share c.spans
	var docs []Doc
	var first error
	for i, p := range parts {
		text := append(bytes.Repeat([]byte{' '}, max(p.Column-1, 0)), p.Text...)
		more, _, err := c.decode(text, p.Line-1, i, &mu)
		docs = append(docs, more...)
		if err != nil && first == nil {
			var se *document.SyntaxError
			if errors.As(err, &se) {
				first = err // from the conversion or a budget: located already
			} else {
				first = &document.SyntaxError{Path: path, Line: p.Line, Column: p.Column, Msg: err.Error()}
			}
		}
		if c.full {
			break
		}
	}
	return docs, first
}
