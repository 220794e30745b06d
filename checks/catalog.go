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

// modules returns the built-in rules of kind k and the helper modules they,
// or the user's modules for k, refer to. The compiler copies what it is
// given, so the helpers are shared between kinds. Leaving out the other
// kinds' helpers halves compiling a kind (Kubernetes 50 -> 30 ms), which is
// most of a one-file scan.
func (l *lazyBuiltin) modules(k document.Kind, user map[string]*ast.Module) (map[string]*ast.Module, error) {
	l.libOnce.Do(func() { l.lib, l.libErr = parseAll(l.dir("lib"), l.caps, false) })
	if l.libErr != nil {
		return nil, l.libErr
	}
	own, err := parseAll(l.dir(string(k)), l.caps, false)
	if err != nil {
		return nil, err
	}
	var refs []ast.Ref
	for _, m := range own {
		refs = append(refs, dataRefs(m)...)
	}
	for _, m := range user {
		refs = append(refs, dataRefs(m)...)
	}
	// Add every helper module a collected reference reaches, and what
	// those refer to in turn.
	for added := true; added; {
		added = false
		for name, m := range l.lib {
			if _, ok := own[name]; ok || !referenced(m.Package.Path, refs) {
				continue
			}
			own[name] = m
			refs = append(refs, dataRefs(m)...)
			added = true
		}
	}
	return own, nil
}

// dataRefs are the references into data a module's rules make, with import
// aliases resolved (an import alone refers to nothing) (import data.shiplint.lib.dockerfile as df; df.name(c)
// refers to data.shiplint.lib.dockerfile.name), each cut before its first
// non-constant part.
func dataRefs(m *ast.Module) []ast.Ref {
	aliases := map[ast.Var]ast.Ref{}
	var out []ast.Ref
	for _, imp := range m.Imports {
		path, ok := imp.Path.Value.(ast.Ref)
		if !ok || !path.HasPrefix(ast.DefaultRootRef) {
			continue
		}
		alias := imp.Alias
		if alias == "" {
			alias = ast.Var(path[len(path)-1].Value.(ast.String))
		}
		aliases[alias] = path
	}
	// Walk the rules, not the module: its own package path would count.
	for _, rule := range m.Rules {
		ast.WalkRefs(rule, func(r ast.Ref) bool {
			head, ok := r[0].Value.(ast.Var)
			if !ok {
				return false
			}
			full := r
			if base, ok := aliases[head]; ok {
				full = base.Concat(r[1:])
			} else if !r.HasPrefix(ast.DefaultRootRef) {
				return false
			}
			out = append(out, full.ConstantPrefix())
			return false
		})
	}
	return out
}

// referenced reports whether a reference reaches package pkg: it names
// something inside it, or a document that contains it.
func referenced(pkg ast.Ref, refs []ast.Ref) bool {
	for _, r := range refs {
		if r.HasPrefix(pkg) || pkg.HasPrefix(r) {
			return true
		}
	}
	return false
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
