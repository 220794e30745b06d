// Package document is the model every parser produces and every rule reads:
// the value Rego sees as `input`, plus where each part of it came from in the
// source file. It imports nothing of ours.
package document

import (
	"strconv"
	"strings"
)

// Kind is the type of configuration file a document came from.
type Kind string

// The kinds shiplint understands. They are also the Rego namespace of the
// rules that apply to them: data.shiplint.<kind>.<rule>.
const (
	Dockerfile Kind = "dockerfile"
	Compose    Kind = "compose"
	Kubernetes Kind = "kubernetes"
)

// Kinds lists every kind, in a fixed order.
var Kinds = []Kind{Dockerfile, Compose, Kubernetes}

// ParseKind returns the Kind named by s, or false.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Range is a span of source text. Lines and columns are 1-based; EndColumn
// is exclusive (the column after the last character), as in SARIF. A zero
// column means "the whole line".
type Range struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Valid reports whether r points at a line.
func (r Range) Valid() bool { return r.StartLine > 0 }

// Document is one unit of evaluation: a Dockerfile, a Compose file, or one
// Kubernetes resource (a YAML stream holds one Document per resource).
type Document struct {
	Kind Kind
	// Path is the slash-separated path relative to the scan root.
	Path string
	// Input is the value Rego sees as `input`. It holds only plain values
	// (map[string]any, []any, string, bool, int64, float64, nil) and always
	// has "kind" and "path".
	Input map[string]any
	// Positions maps paths into Input to source ranges.
	Positions Positions
	// Mirrors maps keys of normalized subtrees to where their positions
	// are (see Mirror); Resolve consults them after Positions.
	Mirrors map[string]Mirror
	// Identity names the resource inside the file in a way that survives
	// unrelated edits ("Deployment/prod/web", "stage builder"); it feeds
	// finding fingerprints.
	Identity string
	// Range covers the whole document in the file (a resource in a stream).
	Range Range
	// Forms names how the document was written when that is not its kind's
	// usual form (FormJSON, FormListItem, FormPodShape, FormLegacy), for the
	// scan summary: inputs older versions silently skipped.
	Forms []string
}

// The input forms a document may be counted under in the summary.
const (
	FormJSON     = "kubernetes-json"       // a manifest written as JSON
	FormListItem = "kubernetes-list-item"  // an item of a List
	FormPodShape = "pod-template-by-shape" // a pod spec found by shape in a custom resource
	FormLegacy   = "compose-legacy"        // a Compose file in the version 1 format
)

// Positions maps an encoded path into Input (see Key) to its source range.
type Positions map[string]Range

// Key encodes a path into Input as a JSON Pointer ("/stages/0/from"), which
// is unambiguous because a node is either a map or a list, never both.
func Key(path ...any) string {
	var b strings.Builder
	for _, p := range path {
		b.WriteByte('/')
		switch v := p.(type) {
		case string:
			b.WriteString(escape(v))
		case int:
			b.WriteString(strconv.Itoa(v))
		case int64:
			b.WriteString(strconv.FormatInt(v, 10))
		case float64:
			b.WriteString(strconv.FormatInt(int64(v), 10))
		default:
			b.WriteString(escape(toString(v)))
		}
	}
	return b.String()
}

// Join appends one path element to an encoded key.
func Join(key string, elem any) string { return key + Key(elem) }

func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func toString(v any) string {
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	return ""
}

// Set records the range of the node at key.
func (p Positions) Set(key string, r Range) { p[key] = r }

// Locate returns the range recorded for exactly key.
func (p Positions) Locate(key string) (Range, bool) {
	r, ok := p[key]
	return r, ok
}

// Locator finds the range of the node at an encoded key (see Key), exactly:
// no fallback to a parent. Positions is one; a YAML parser can compute
// ranges on demand instead of recording every node's up front.
type Locator interface {
	Locate(key string) (Range, bool)
}

// Resolve returns the range of the deepest node on path that has one, so a
// finding about a missing setting lands on the node where it belongs. The
// document root ("") is the last resort.
func (p Positions) Resolve(path []any) (Range, bool) {
	for n := len(path); n >= 0; n-- {
		if r, ok := p[Key(path[:n]...)]; ok {
			return r, true
		}
	}
	return Range{}, false
}

// Mirror says that the subtree of Input at a key is a normalized view of a
// subtree whose positions live elsewhere (a Kubernetes container lifted from
// spec.template.spec.containers[2]): its positions are looked up there, not
// copied.
type Mirror struct {
	// Source locates the nodes of the original subtree (shared, never
	// modified through the mirror).
	Source Locator
	// From is the key of the original subtree in Source.
	From string
}

// Resolve returns the range of the deepest node on path that has one,
// looking through the document's mirrors, so a finding about a missing
// setting lands on the node where it belongs.
func (d *Document) Resolve(path []any) (Range, bool) {
	if len(d.Mirrors) == 0 {
		return d.Positions.Resolve(path)
	}
	for n := len(path); n >= 0; n-- {
		key := Key(path[:n]...)
		if r, ok := d.Positions[key]; ok {
			return r, true
		}
		if m, ok := d.Mirrors[key]; ok {
			return m.resolve(Key(path[n:]...))
		}
	}
	return Range{}, false
}

// resolve finds the deepest existing node of From+rest in the source.
func (m Mirror) resolve(rest string) (Range, bool) {
	for {
		if r, ok := m.Source.Locate(m.From + rest); ok {
			return r, true
		}
		if rest == "" {
			return Range{}, false
		}
		rest = rest[:strings.LastIndexByte(rest, '/')]
	}
}

// Lookup returns the range recorded for exactly this key (see Key), through
// mirrors, without falling back to a parent.
func (d *Document) Lookup(key string) (Range, bool) {
	if r, ok := d.Positions[key]; ok {
		return r, true
	}
	for prefix := key; ; {
		if m, ok := d.Mirrors[prefix]; ok {
			return m.Source.Locate(m.From + key[len(prefix):])
		}
		i := strings.LastIndexByte(prefix, '/')
		if i < 0 {
			return Range{}, false
		}
		prefix = prefix[:i]
	}
}
