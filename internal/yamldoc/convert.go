package yamldoc

import (
	"fmt"

	"github.com/shiplint/shiplint/internal/document"
	yaml "go.yaml.in/yaml/v3"
)

type converter struct {
	*spans
	path   string
	opt    Options
	pos    document.Positions // nil unless Options.Positions: then keys and ranges are skipped
	budget int                // nodes still allowed through aliases and merges
	active map[*yaml.Node]int // aliases and merge sources being expanded (cycle guard)
	count  int                // non-empty documents decoded (Options.MaxDocuments)
	full   bool               // the stream went past MaxDocuments: read no further
}

// walk is the context of one node in the tree walk.
type walk struct {
	// over, when set, is the range given to the whole subtree: the alias
	// usage or the `<<` entry it was reached through (outermost wins), so a
	// finding lands where the anchor is used, not where it is defined.
	over *document.Range
	// origin is the alias or merge key that brought this subtree in; the
	// budget error is reported there.
	origin *yaml.Node
	depth  int
}

// entry is one effective key/value pair of a mapping after merges.
type entry struct {
	name      string
	key, val  *yaml.Node
	over      *document.Range // the `<<` entry it came through
	mergedVia *yaml.Node
}

func (c *converter) errAt(n *yaml.Node, format string, args ...any) error {
	return &document.SyntaxError{Path: c.path, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)}
}

func (c *converter) convert(n *yaml.Node, key string, r document.Range, w walk) (any, error) {
	if w.over != nil {
		r = *w.over
	}
	if c.pos != nil {
		c.pos[key] = r
	}
	if w.origin != nil {
		if c.budget--; c.budget < 0 {
			return nil, c.errAt(w.origin, "too many nodes produced through aliases (limit %d): possible alias bomb", c.opt.MaxAliasNodes)
		}
	}
	if w.depth > c.opt.MaxDepth {
		return nil, c.errAt(n, "nesting deeper than %d levels", c.opt.MaxDepth)
	}
	switch n.Kind {
	case yaml.AliasNode:
		return c.alias(n, key, r, w)
	case yaml.ScalarNode:
		return scalarValue(n), nil
	case yaml.SequenceNode:
		return c.sequence(n, key, w)
	case yaml.MappingNode:
		return c.mapping(n, key, w)
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.convert(n.Content[0], key, r, w)
	}
	return nil, c.errAt(n, "unsupported YAML node")
}

func (c *converter) enter(n, at *yaml.Node) error {
	if c.active == nil {
		c.active = map[*yaml.Node]int{}
	}
	if c.active[n] > 0 {
		return c.errAt(at, "anchor %q refers to itself", n.Anchor)
	}
	c.active[n]++
	return nil
}

func (c *converter) leave(n *yaml.Node) { c.active[n]-- }

func (c *converter) alias(n *yaml.Node, key string, r document.Range, w walk) (any, error) {
	if n.Alias == nil {
		return nil, c.errAt(n, "unknown anchor %q", n.Value)
	}
	if err := c.enter(n.Alias, n); err != nil {
		return nil, err
	}
	defer c.leave(n.Alias)
	if w.over == nil {
		w.over = &r
	}
	if w.origin == nil {
		w.origin = n
	}
	return c.convert(n.Alias, key, r, w)
}

func (c *converter) sequence(n *yaml.Node, key string, w walk) (any, error) {
	out := make([]any, 0, len(n.Content))
	w.depth++
	for i, item := range n.Content {
		ik, r := c.itemPos(key, i, item)
		v, err := c.convert(item, ik, r, w)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (c *converter) mapping(n *yaml.Node, key string, w walk) (any, error) {
	if !hasMerge(n) {
		return c.plainMapping(n, key, w)
	}
	entries, err := c.entries(n)
	if err != nil {
		return nil, err
	}
	out := make(map[string]any, len(entries))
	w.depth++
	for _, e := range entries {
		cw := w
		if cw.over == nil && e.over != nil {
			cw.over = e.over
		}
		if cw.origin == nil && e.mergedVia != nil {
			cw.origin = e.mergedVia
		}
		ek, r := c.entryPos(key, e)
		v, err := c.convert(e.val, ek, r, cw)
		if err != nil {
			return nil, err
		}
		out[e.name] = v
	}
	return out, nil
}

// plainMapping converts a mapping without `<<` entries (nearly all of
// them) from its pairs, without listing them as entries first; the keys are
// checked as entries does, in the same order, before any value.
func (c *converter) plainMapping(n *yaml.Node, key string, w walk) (any, error) {
	var buf [16]string // most mappings are small: names stay on the stack
	names := buf[:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		name, err := c.keyText(n.Content[i])
		if err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	if i, j, dup := firstDuplicate(names); dup {
		return nil, c.errAt(n.Content[2*j], "duplicate key %q (first at line %d)", names[j], n.Content[2*i].Line)
	}
	out := make(map[string]any, len(names))
	w.depth++
	for j, name := range names {
		e := entry{name: name, key: n.Content[2*j], val: n.Content[2*j+1]}
		ek, r := c.entryPos(key, e)
		v, err := c.convert(e.val, ek, r, w)
		if err != nil {
			return nil, err
		}
		out[name] = v
	}
	return out, nil
}

func hasMerge(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if isMerge(n.Content[i]) {
			return true
		}
	}
	return false
}

// itemPos is the key and range of item i of a sequence at key, when
// positions are recorded (else nothing: computing them is most of the
// conversion's cost, and Locator finds the few that are asked for).
func (c *converter) itemPos(key string, i int, item *yaml.Node) (string, document.Range) {
	if c.pos == nil {
		return "", document.Range{}
	}
	return document.Join(key, i), c.span(item)
}

// entryPos is itemPos for a mapping entry.
func (c *converter) entryPos(key string, e entry) (string, document.Range) {
	if c.pos == nil {
		return "", document.Range{}
	}
	return document.Join(key, e.name), c.entrySpan(e.key, e.val)
}

// entries lists the effective pairs of a mapping: explicit keys first (they
// win), then keys pulled in by `<<`, earlier merge sources winning over later
// ones as the YAML merge spec says.
func (c *converter) entries(n *yaml.Node) ([]entry, error) {
	out := make([]entry, 0, len(n.Content)/2)
	var merges []int
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if isMerge(k) {
			merges = append(merges, i)
			continue
		}
		name, err := c.keyText(k)
		if err != nil {
			return nil, err
		}
		out = append(out, entry{name: name, key: k, val: n.Content[i+1]})
	}
	if err := c.checkDuplicates(out); err != nil {
		return nil, err
	}
	if len(merges) == 0 {
		return out, nil
	}
	seen := make(map[string]*yaml.Node, len(out))
	for _, e := range out {
		seen[e.name] = e.key
	}
	for _, i := range merges {
		merged, err := c.merge(n.Content[i], n.Content[i+1], seen)
		if err != nil {
			return nil, err
		}
		out = append(out, merged...)
	}
	return out, nil
}

// checkDuplicates reports the second of two equal keys (Kubernetes and
// Compose reject them; yaml.v3 keeps both).
func (c *converter) checkDuplicates(es []entry) error {
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.name
	}
	if i, j, dup := firstDuplicate(names); dup {
		return c.errAt(es[j].key, "duplicate key %q (first at line %d)", es[j].name, es[i].key.Line)
	}
	return nil
}

// firstDuplicate returns the first name j that repeats an earlier name i.
// Most mappings are small, and comparing pairs is cheaper than a map for
// them.
func firstDuplicate(names []string) (i, j int, dup bool) {
	if len(names) > 16 {
		seen := make(map[string]int, len(names))
		for j, name := range names {
			if i, ok := seen[name]; ok {
				return i, j, true
			}
			seen[name] = j
		}
		return 0, 0, false
	}
	for j := 1; j < len(names); j++ {
		for i := 0; i < j; i++ {
			if names[i] == names[j] {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// merge returns the pairs a `<<: value` entry adds that are not in seen.
func (c *converter) merge(k, v *yaml.Node, seen map[string]*yaml.Node) ([]entry, error) {
	var r document.Range
	if c.pos != nil {
		r = c.entrySpan(k, v)
	}
	sources, err := c.mergeSources(k, v)
	if err != nil {
		return nil, err
	}
	var out []entry
	for _, src := range sources {
		// Charge the budget per source and pair so nested merges (even of
		// empty mappings) cannot blow up time.
		if c.budget -= 1 + len(src.Content)/2; c.budget < 0 {
			return nil, c.errAt(k, "too many nodes produced through merge keys (limit %d)", c.opt.MaxAliasNodes)
		}
		if err := c.enter(src, k); err != nil {
			return nil, err
		}
		sub, err := c.entries(src)
		c.leave(src)
		if err != nil && c.budget < 0 {
			// Report the bomb at the outermost merge, where it is used.
			return nil, c.errAt(k, "too many nodes produced through merge keys (limit %d)", c.opt.MaxAliasNodes)
		}
		if err != nil {
			return nil, err
		}
		for _, e := range sub {
			if _, ok := seen[e.name]; ok {
				continue
			}
			seen[e.name] = e.key
			e.over, e.mergedVia = &r, k
			out = append(out, e)
		}
	}
	return out, nil
}

func (c *converter) mergeSources(k, v *yaml.Node) ([]*yaml.Node, error) {
	sources, ok := mergeSources(v)
	if !ok {
		return nil, c.errAt(k, "map merge requires a mapping or a list of mappings")
	}
	return sources, nil
}

// mergeSources lists the mappings the value of a `<<` entry merges, or
// false when it is not a mapping or a list of mappings.
func mergeSources(v *yaml.Node) ([]*yaml.Node, bool) {
	v = deref(v)
	switch v.Kind {
	case yaml.MappingNode:
		return []*yaml.Node{v}, true
	case yaml.SequenceNode:
		out := make([]*yaml.Node, 0, len(v.Content))
		for _, item := range v.Content {
			item = deref(item)
			if item.Kind != yaml.MappingNode {
				return nil, false
			}
			out = append(out, item)
		}
		return out, true
	}
	return nil, false
}

// isMerge reports a `<<` key (yaml.v3 tags a plain << as !!merge).
func isMerge(k *yaml.Node) bool { return k.Kind == yaml.ScalarNode && k.Tag == "!!merge" }

// deref follows aliases (bounded: yaml.v3 anchors must be defined before use).
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// keyText turns a key into a string: non-string scalars become their text.
func (c *converter) keyText(k *yaml.Node) (string, error) {
	if name, ok := keyName(k); ok {
		return name, nil
	}
	return "", c.errAt(k, "mapping or sequence used as a mapping key is not supported")
}

// keyName is the text of a scalar key, or false for a collection key.
func keyName(k *yaml.Node) (string, bool) {
	if d := deref(k); d.Kind == yaml.ScalarNode {
		return d.Value, true
	}
	return "", false
}
