package checks

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/rules"
)

// The catalog is the metadata of every built-in rule, read from the rules'
// METADATA blocks at development time and embedded as rules/catalog.json,
// so that a scan does not parse every rule's annotations to start.

// builtinCatalog decodes the embedded catalog.
func builtinCatalog() ([]finding.Rule, error) {
	var rs []finding.Rule
	if err := json.Unmarshal(rules.Catalog, &rs); err != nil {
		return nil, fmt.Errorf("built-in rule catalog (rules/catalog.json): %v; regenerate it with go test ./checks -run TestCatalogIsCurrent -update", err)
	}
	return rs, nil
}

// BuildCatalog reads the built-in rules' metadata from their METADATA
// blocks and renders rules/catalog.json: what TestCatalogIsCurrent
// compares with the embedded copy and rewrites with -update.
func BuildCatalog(ctx context.Context) ([]byte, error) {
	p, err := Load(ctx, Options{WithTests: true, Kinds: []document.Kind{}})
	if err != nil {
		return nil, err
	}
	var rs []finding.Rule
	for _, r := range p.rules {
		if r.Package != "" {
			rs = append(rs, r)
		}
	}
	b, err := json.MarshalIndent(rs, "", "  ")
	return append(b, '\n'), err
}

// splitBuiltin separates the built-in sources (except tests) from the rest.
func splitBuiltin(srcs []source) (builtin, rest []source) {
	for _, s := range srcs {
		if s.builtin && !strings.HasSuffix(s.name, "_test.rego") {
			builtin = append(builtin, s)
		} else {
			rest = append(rest, s)
		}
	}
	return builtin, rest
}

// lazyBuiltin parses the built-in Rego a kind needs when the kind is first
// compiled: the shared helpers (rules/lib) once, and the kind's own rules.
type lazyBuiltin struct {
	srcs []source
	caps *ast.Capabilities

	libOnce sync.Once
	lib     map[string]*ast.Module
	libErr  error
}

// modules returns the parsed helpers and rules of kind k. The compiler
// copies what it is given, so the helpers are shared between kinds.
func (l *lazyBuiltin) modules(k document.Kind) (map[string]*ast.Module, error) {
	l.libOnce.Do(func() { l.lib, l.libErr = parseAll(l.dir("lib"), l.caps, false) })
	if l.libErr != nil {
		return nil, l.libErr
	}
	own, err := parseAll(l.dir(string(k)), l.caps, false)
	if err != nil {
		return nil, err
	}
	for name, m := range l.lib {
		own[name] = m
	}
	return own, nil
}

// dir returns the sources under rules/<dir>/: built-in rules live in the
// directory named for their kind (TestCatalogIsCurrent checks it).
func (l *lazyBuiltin) dir(dir string) []source {
	var out []source
	for _, s := range l.srcs {
		if strings.HasPrefix(s.name, "rules/"+dir+"/") {
			out = append(out, s)
		}
	}
	return out
}
