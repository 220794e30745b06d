package yamldoc

import (
	"strconv"
	"strings"
	"sync"

	"github.com/shiplint/shiplint/internal/document"
	yaml "go.yaml.in/yaml/v3"
)

// Locator finds the source range of a node of one decoded document from its
// key, walking the yaml.Node tree the way the conversion did, so it returns
// exactly what Options.Positions would have recorded: alias usages and `<<`
// entries give their range to everything reached through them (the
// outermost wins), an entry's range starts at its key. It is a
// document.Locator, safe for concurrent use.
type Locator struct {
	root *yaml.Node
	// spans is shared by the documents of a stream (it caches decoded lines
	// and collection ends); mu guards it.
	spans     *spans
	mu        *sync.Mutex
	maxMerges int // bounds nested merges (the conversion allowed no more)
}

// reached is a node found by a key: its range is that of the entry when it
// is a mapping value (key set), else the node's own.
type reached struct {
	node, key *yaml.Node
}

// Locate returns the range of the node at key ("" is the document's root,
// "/spec/containers/0" a deeper node), or false when there is no such node.
func (l *Locator) Locate(key string) (document.Range, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	cur := reached{node: l.root}
	var over *document.Range // set by the first alias or `<<` entry on the way
	for key != "" {
		if key[0] != '/' {
			return document.Range{}, false
		}
		tok, rest := key[1:], ""
		if i := strings.IndexByte(tok, '/'); i >= 0 {
			tok, rest = tok[:i], tok[i:]
		}
		key = rest
		n := cur.node
		for i := 0; n.Kind == yaml.AliasNode || n.Kind == yaml.DocumentNode; i++ {
			if n.Kind == yaml.AliasNode {
				if n.Alias == nil || i > l.maxMerges {
					return document.Range{}, false
				}
				if over == nil {
					r := l.rangeOf(cur)
					over = &r
				}
				n = n.Alias
				continue
			}
			if len(n.Content) == 0 {
				return document.Range{}, false
			}
			n = n.Content[0]
		}
		switch n.Kind {
		case yaml.MappingNode:
			e, ok := l.find(n, tok, 0)
			if !ok {
				return document.Range{}, false
			}
			if over == nil && e.mergeKey != nil {
				r := l.spans.entrySpan(e.mergeKey, e.mergeVal)
				over = &r
			}
			cur = reached{node: e.val, key: e.key}
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) || strconv.Itoa(i) != tok {
				return document.Range{}, false
			}
			cur = reached{node: n.Content[i]}
		default:
			return document.Range{}, false
		}
	}
	if over != nil {
		return *over, true
	}
	return l.rangeOf(cur), true
}

func (l *Locator) rangeOf(at reached) document.Range {
	if at.key != nil {
		return l.spans.entrySpan(at.key, at.node)
	}
	return l.spans.span(at.node)
}

// found is the effective entry of a mapping with a given name, and the `<<`
// pair of that mapping it was merged through, if any.
type found struct {
	key, val           *yaml.Node
	mergeKey, mergeVal *yaml.Node
}

// find returns the entry of mapping n whose key encodes to tok, with the
// precedence of converter.entries: explicit keys first, then the `<<`
// entries in order, each source's own keys before its merges.
func (l *Locator) find(n *yaml.Node, tok string, depth int) (found, bool) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !isMerge(k) && keyIs(k, tok) {
			return found{key: k, val: n.Content[i+1]}, true
		}
	}
	if depth > l.maxMerges {
		return found{}, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !isMerge(n.Content[i]) {
			continue
		}
		sources, _ := mergeSources(n.Content[i+1])
		for _, src := range sources {
			if e, ok := l.find(src, tok, depth+1); ok {
				return found{key: e.key, val: e.val, mergeKey: n.Content[i], mergeVal: n.Content[i+1]}, true
			}
		}
	}
	return found{}, false
}

// keyIs reports whether key k's text encodes to the key element tok (see
// document.Key). A name with "~" or "/" is escaped, so it has a "~" then.
func keyIs(k *yaml.Node, tok string) bool {
	name, ok := keyName(k)
	switch {
	case !ok:
		return false
	case name == tok:
		return !strings.ContainsAny(name, "~/")
	case strings.IndexByte(tok, '~') < 0:
		return false
	}
	return document.Key(name) == "/"+tok
}
