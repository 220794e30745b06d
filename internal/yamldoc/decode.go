// Package yamldoc turns a YAML stream into plain Go values (the shape Rego
// sees) and records a source range for every node, so parsers built on it can
// point findings at exact lines. It resolves anchors, aliases and merge keys
// the way Kubernetes and Docker Compose read them, with limits that keep
// hostile input (alias bombs, deep nesting) from exhausting memory or stack.
package yamldoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/shiplint/shiplint/internal/document"
	yaml "go.yaml.in/yaml/v3"
)

// Doc is one non-empty document of a YAML stream.
type Doc struct {
	// Value holds only plain values: map[string]any, []any, string, bool,
	// int64, float64, nil.
	Value any
	// Positions maps keys relative to this document's root ("" is the root
	// node) to source ranges. It is filled only when Options.Positions asks
	// for it.
	Positions document.Positions
	// Locator finds the same ranges on demand, key by key.
	Locator *Locator
	// Range is the document's span in the file.
	Range document.Range
	// Index is the document's 0-based position in the stream, counting
	// empty documents too, so it matches what an editor shows.
	Index int
}

// Options bounds the work done for one stream.
type Options struct {
	// MaxAliasNodes caps the nodes produced through aliases and merge keys
	// in the whole stream (default 100000): a billion-laughs bomb fails at
	// the alias that crosses it instead of eating memory.
	MaxAliasNodes int
	// MaxDepth caps nesting of collections (default 200).
	MaxDepth int
	// MaxDocuments caps the non-empty documents of a stream (default
	// 10000): past it the stream is not read further, and the document
	// that crosses it is a syntax error. Real streams hold a few hundred;
	// 900,000 one-line documents took 1.2 GB.
	MaxDocuments int
	// Positions records every node's range in Doc.Positions, for callers
	// that rewrite them (Compose). Without it, ranges are computed when
	// Doc.Locator is asked: a scan locates a few findings per document, and
	// recording every node was half of the parsing time.
	Positions bool
	// Resume goes on after a syntax error: the documents after the broken
	// one are decoded each on its own (resume), so one bad document in a
	// stream does not hide the resources after it.
	Resume bool
}

func (o Options) withDefaults() Options {
	if o.MaxAliasNodes <= 0 {
		o.MaxAliasNodes = 100000
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = 200
	}
	if o.MaxDocuments <= 0 {
		o.MaxDocuments = 10000
	}
	return o
}

var bom = []byte("\xef\xbb\xbf")

// Decode reads every document of the stream in src. On an error it returns
// the documents decoded before it (and, with Options.Resume, those after
// it) together with a *document.SyntaxError. The documents' Locators read
// src later: it must not be modified.
func Decode(path string, src []byte, opt Options) ([]Doc, error) {
	src = bytes.TrimPrefix(src, bom)
	opt = opt.withDefaults()
	c := &converter{spans: &spans{src: newSource(src)}, path: path, opt: opt, budget: opt.MaxAliasNodes}
	var mu sync.Mutex // the stream's documents share c.spans
	docs, idx, err := c.stream(src, &mu)
	if err == nil || !opt.Resume || c.full {
		return docs, err
	}
	return c.resume(src, docs, idx, err, &mu), err
}

// stream decodes the whole of src, up to its first error. idx is the
// stream index of the document that failed. Text YAML does not allow
// (checkText) fails the document holding it: those before it are decoded.
func (c *converter) stream(src []byte, mu *sync.Mutex) (docs []Doc, idx int, err error) {
	if err := checkText(c.path, src); err != nil {
		line := err.(*document.SyntaxError).Line
		cut := 0 // the lines before the document holding line
		for _, ch := range chunks(c.src) {
			if ch.start > line {
				break
			}
			cut = ch.start - 1
		}
		docs, idx, perr := c.decode(src[:c.src.offset(cut+1)], 0, 0, mu)
		if perr != nil {
			return docs, idx, c.yamlError(perr) // an earlier problem
		}
		return docs, idx, err
	}
	docs, idx, err = c.decode(src, 0, 0, mu)
	if err != nil {
		err = c.yamlError(err)
	}
	return docs, idx, err
}

// decode reads the documents of text, which starts at line offset+1 of the
// stream, numbering them from idx. It returns them, the index of the next
// document (the one that failed, on an error) and the error as yaml.v3 or
// the conversion gave it.
func (c *converter) decode(text []byte, offset, idx int, mu *sync.Mutex) ([]Doc, int, error) {
	// One decoder over the whole text keeps line numbers in step.
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var docs []Doc
	for ; ; idx++ {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, idx, nil
		}
		if err != nil {
			return docs, idx, err
		}
		if isEmpty(&n) {
			continue
		}
		if offset > 0 {
			shift(&n, offset)
		}
		if c.count == c.opt.MaxDocuments {
			c.full = true
			line := max(n.Line, 1)
			if len(n.Content) > 0 {
				line = max(n.Content[0].Line, 1)
			}
			return docs, idx, &document.SyntaxError{Path: c.path, Line: line, Msg: fmt.Sprintf("the stream has more than %d documents; this one and those after it are not checked", c.opt.MaxDocuments)}
		}
		c.count++
		d, err := c.document(&n, idx, mu)
		if err != nil {
			return docs, idx, err
		}
		docs = append(docs, d)
	}
}

// isEmpty reports a document with no content (only comments or a bare ---),
// which yaml.v3 returns as an untagged empty null scalar.
func isEmpty(n *yaml.Node) bool {
	if len(n.Content) == 0 {
		return true
	}
	r := n.Content[0]
	return r.Kind == yaml.ScalarNode && r.Tag == "!!null" && r.Value == "" && r.Style == 0 && r.Anchor == ""
}

func (c *converter) document(n *yaml.Node, idx int, mu *sync.Mutex) (Doc, error) {
	root := n.Content[0]
	r := c.span(root)
	if c.opt.Positions {
		// About one node per line, some lines hold a key and its value:
		// sizing the map up front saves growing it a dozen times.
		c.pos = make(document.Positions, 2*(r.EndLine-r.StartLine+1))
	}
	v, err := c.convert(root, "", r, walk{})
	if err != nil {
		return Doc{}, err
	}
	loc := &Locator{root: root, spans: c.spans, mu: mu, maxMerges: c.opt.MaxAliasNodes}
	return Doc{Value: v, Positions: c.pos, Locator: loc, Range: r, Index: idx}, nil
}

// Mirror copies the positions of the subtree at fromKey to toKey, for
// normalized views that mirror a raw node.
func Mirror(p document.Positions, fromKey, toKey string) {
	MirrorFrom(p, p, fromKey, toKey)
}

// MirrorFrom copies the positions of the subtree at fromKey in src to toKey
// in dst, for documents built from part of a YAML document (a resource in a
// List, a service in a Compose file).
func MirrorFrom(dst, src document.Positions, fromKey, toKey string) {
	type kv struct {
		k string
		r document.Range
	}
	var found []kv // collected first: dst may be src
	prefix := fromKey + "/"
	for k, r := range src {
		if k == fromKey {
			found = append(found, kv{toKey, r})
		} else if len(k) > len(prefix) && k[:len(prefix)] == prefix {
			found = append(found, kv{toKey + k[len(fromKey):], r})
		}
	}
	for _, e := range found {
		dst[e.k] = e.r
	}
}
