// Package compose turns a Docker Compose file into one Document whose
// services are normalized: short and long syntax of ports, volumes,
// environment and the like come out in one shape, so rules stay short.
package compose

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/yamldoc"
)

// topLevel are the top-level maps copied into the input as written.
var topLevel = []string{"volumes", "networks", "secrets", "configs"}

// Options give the parser what lies beside the file.
type Options struct {
	// ReadFile reads a file relative to the Compose file's directory (the
	// .env file, an extends file). Nil when there is no directory (stdin).
	// A *document.Refused error is a file that must not be read (outside
	// the scanned directory, not a regular file, too large): a finding at
	// the line that named it. Any other error is a file that is not there.
	ReadFile func(rel string) ([]byte, error)
	// Identify, when set, names the file rel resolves to without reading
	// it, so an extends file reached through several spellings of its path
	// is read and parsed once. Its errors are ReadFile's.
	Identify func(rel string) (document.FileID, error)
}

// Parse reads a Compose file on its own. Errors are *document.SyntaxError.
func Parse(path string, src []byte) (*document.Document, error) {
	return ParseFile(path, src, Options{})
}

// ParseFile reads a Compose file with access to the files beside it. An
// extends that Compose would reject (a cycle, a missing service) is returned
// as a *document.SyntaxError together with the document; an extends file
// that cannot be read, as a *document.Warning; a .env or extends file that
// was refused, or an extends budget spent, as *document.Refused joined to
// those (errors.Join).
func ParseFile(path string, src []byte, opt Options) (*document.Document, error) {
	// The parser reads the .env first: a refused .env is reported even when
	// the file itself does not parse.
	p := newParser(opt)
	doc, err := p.parseFile(path, src)
	if len(p.refusals) == 0 {
		return doc, err
	}
	errs := []error{err}
	for _, r := range p.refusals {
		r.Path = path
		errs = append(errs, r)
	}
	return doc, errors.Join(errs...)
}

func (p *parser) parseFile(path string, src []byte) (*document.Document, error) {
	docs, err := yamldoc.Decode(path, src, yamldoc.Options{Positions: true})
	if err != nil {
		return nil, err
	}
	raw, d, err := root(path, docs)
	if err != nil {
		return nil, err
	}
	n := &normalizer{pos: document.Positions{"": d.Range}}
	// The file as written and its top-level maps are views of the YAML
	// document: their positions are looked up there, not copied.
	mirrors := map[string]document.Mirror{}
	mirror := func(key, from string) {
		if _, ok := d.Positions[from]; ok {
			mirrors[key] = document.Mirror{Source: d.Positions, From: from}
		}
	}
	mirror("/raw", "")
	in := map[string]any{"kind": string(document.Compose), "path": path, "raw": raw}
	svcs, legacy := servicesOf(raw)
	for _, k := range topLevel {
		if _, isService := svcs[k]; legacy && isService {
			continue
		}
		if v, ok := raw[k]; ok {
			in[k] = v
			mirror("/"+k, "/"+k)
		}
	}
	services, recs, bad := p.services(&file{dir: ".", svcs: svcs, pos: d.Positions, legacy: legacy}, n.pos)
	in["services"] = services
	in["interpolations"] = records(recs, func(k string) []any { return pathOf(in, k) })
	doc := &document.Document{Kind: document.Compose, Path: path, Input: in, Positions: n.pos, Mirrors: mirrors, Range: d.Range}
	if legacy {
		doc.Forms = []string{document.FormLegacy}
	}
	over := p.ip.budgetError(path, recs, n.pos)
	switch {
	case over != nil && (bad == nil || bad.warning):
		return doc, over // what went over a budget is still checked, as written
	case bad == nil:
	case bad.warning:
		return doc, &document.Warning{Path: path, Line: bad.line, Msg: bad.msg}
	default:
		// The file is still checked, each such service without what it
		// would inherit.
		return doc, &document.SyntaxError{Path: path, Line: bad.line, Msg: bad.msg}
	}
	return doc, nil
}

// root returns the file's mapping. An empty file is an empty project (a
// linter has nothing to say about it); any other root is not Compose.
func root(path string, docs []yamldoc.Doc) (map[string]any, yamldoc.Doc, error) {
	if len(docs) == 0 {
		return map[string]any{}, yamldoc.Doc{Range: document.Range{StartLine: 1, EndLine: 1}}, nil
	}
	d := docs[0]
	raw, ok := d.Value.(map[string]any)
	if !ok {
		line := max(d.Range.StartLine, 1)
		return nil, d, &document.SyntaxError{Path: path, Line: line, Msg: fmt.Sprintf("not a Compose file: root is %s", describe(d.Value))}
	}
	return raw, d, nil
}

func describe(v any) string {
	switch v.(type) {
	case []any:
		return "a list"
	case nil:
		return "null"
	}
	return "a scalar"
}

// normalizer rewrites one service; pos and interp are keyed relative to
// the service ("" is the service itself).
type normalizer struct {
	pos    document.Positions
	interp map[string]*interp
}

// service copies a service and rewrites the keys that have several syntaxes.
func (n *normalizer) service(svc map[string]any, key string) map[string]any {
	out := make(map[string]any, len(svc))
	for k, v := range svc {
		if strings.HasPrefix(k, "x-") {
			continue // extension fields: only reachable through anchors
		}
		out[k] = v
	}
	for field, f := range fieldNormalizers {
		if v, ok := svc[field]; ok && v != nil {
			out[field] = f(n, v, document.Join(key, field))
		}
	}
	return out
}

type fieldFunc func(n *normalizer, v any, key string) any

var fieldNormalizers map[string]fieldFunc

func init() {
	fieldNormalizers = map[string]fieldFunc{
		"ports":        (*normalizer).ports,
		"volumes":      (*normalizer).volumes,
		"environment":  (*normalizer).mapping,
		"sysctls":      (*normalizer).mapping,
		"cap_add":      (*normalizer).caps,
		"cap_drop":     (*normalizer).caps,
		"security_opt": (*normalizer).strings,
		"dns":          (*normalizer).strings,
		"devices":      (*normalizer).devices,
		"secrets":      (*normalizer).secrets,
		"build":        (*normalizer).build,
	}
}

// item records the normalized fields of list item key that have no raw node
// of their own at the item, and keeps the item as written under raw.
func (n *normalizer) item(key string, fields map[string]any) {
	r, ok := n.pos[key]
	if !ok {
		return
	}
	yamldoc.Mirror(n.pos, key, key+"/raw")
	for f := range fields {
		if _, ok := n.pos[document.Join(key, f)]; !ok {
			n.pos[document.Join(key, f)] = r
		}
	}
}

// text renders a scalar as Compose does (numbers and bools as their text).
func text(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int64:
		return fmt.Sprint(x), true
	case float64:
		return fmt.Sprint(x), true
	case bool:
		return fmt.Sprint(x), true
	}
	return "", false
}

func textOrNil(v any) any {
	if s, ok := text(v); ok {
		return s
	}
	return nil
}
