package checks

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/rules"
)

// Namespace is the Rego package prefix every rule lives under:
// data.shiplint.<kind>.<rule>.
const Namespace = "shiplint"

// Options say which rules a Pack holds.
type Options struct {
	// NoBuiltin leaves out the embedded rule pack (useful to test a policy
	// directory on its own).
	NoBuiltin bool
	// Policies are extra directories of user rules, same contract as the
	// built-in ones.
	Policies []string
	// WithTests also loads *_test.rego files (for `shiplint test`).
	WithTests bool
	// Select narrows and tunes the rules that run.
	Select Selection
	// CheckIDs, when set, is called once the rule catalog is known and
	// before anything runs, so a config file can report its own unknown
	// rule IDs at their lines.
	CheckIDs func(known func(id string) bool) error
}

// Selection says which rules run and how they report.
type Selection struct {
	// Disable turns rules off by ID.
	Disable []string
	// Only, when set, runs just these rule IDs.
	Only []string
	// Frameworks, when set, runs just the rules mapped to one of them:
	// "pss-baseline", "pss-restricted" (which includes Baseline), or any
	// framework key the metadata uses ("cis-k8s"), optionally with a value
	// ("cis-docker-4.1").
	Frameworks []string
	// Severity overrides a rule's severity.
	Severity map[string]finding.Severity
	// Params are rule parameters, visible to Rego as
	// data.shiplint_config.params[ID][name] (see lib.param).
	Params map[string]map[string]any
}

// Pack is a compiled rule pack: every rule's metadata and one prepared query
// per kind of document. It is safe for concurrent use.
type Pack struct {
	rules    []finding.Rule
	enabled  map[string]bool
	aliases  map[string]bool // canonical-case aliases of every rule
	byPkg    map[string]*finding.Rule
	byID     map[string]*finding.Rule
	compiler *ast.Compiler
	queries  map[document.Kind]*rego.PreparedEvalQuery
}

// source is one Rego file to compile.
type source struct {
	name    string // shown in errors: "rules/kubernetes/x.rego" or the user's path
	text    string
	builtin bool
}

// Load reads, parses and compiles the rule pack once.
func Load(ctx context.Context, opt Options) (*Pack, error) {
	srcs, err := gatherSources(opt)
	if err != nil {
		return nil, err
	}
	return compile(ctx, srcs, opt)
}

func gatherSources(opt Options) ([]source, error) {
	var srcs []source
	if !opt.NoBuiltin {
		s, err := embeddedSources(opt.WithTests)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, s...)
	}
	for _, dir := range opt.Policies {
		s, err := dirSources(dir, opt.WithTests)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, s...)
	}
	return srcs, nil
}

func embeddedSources(withTests bool) ([]source, error) {
	var out []source
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isRegoFile(p, withTests) {
			return err
		}
		b, err := rules.FS.ReadFile(p)
		out = append(out, source{name: "rules/" + p, text: string(b), builtin: true})
		return err
	})
	return out, err
}

// dirSources reads the .rego files under a user's policy directory.
func dirSources(dir string, withTests bool) ([]source, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("policy directory %s: %w", dir, unwrapPathError(err))
	}
	if !info.IsDir() {
		if isRegoFile(dir, withTests) || strings.HasSuffix(dir, ".rego") {
			b, err := os.ReadFile(dir)
			return []source{{name: filepath.ToSlash(dir), text: string(b)}}, err
		}
		return nil, fmt.Errorf("policy %s: not a directory or .rego file", dir)
	}
	var out []source
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !isRegoFile(p, withTests) {
			return nil
		}
		b, err := os.ReadFile(p)
		out = append(out, source{name: filepath.ToSlash(p), text: string(b)})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("policy directory %s: %w", dir, err)
	}
	return out, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func isRegoFile(p string, withTests bool) bool {
	if !strings.HasSuffix(p, ".rego") {
		return false
	}
	return withTests || !strings.HasSuffix(p, "_test.rego")
}

// aggregator collects every rule's deny set for one kind in a single rule,
// the fastest query shape (see DEPENDENCIES.md): one evaluation per document.
const aggregator = `package shiplint_engine

%s contains [p, f] if {
	some p
	some f in data.shiplint.%s[p].deny
}
`

func compile(ctx context.Context, srcs []source, opt Options) (*Pack, error) {
	sel := opt.Select
	caps := capabilities()
	modules := map[string]*ast.Module{}
	for _, s := range srcs {
		m, err := ast.ParseModuleWithOpts(s.name, s.text, ast.ParserOptions{
			ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: caps,
		})
		if err != nil {
			return nil, policyError(err)
		}
		modules[s.name] = m
	}
	for _, k := range document.Kinds {
		name := "shiplint-engine-" + string(k) + ".rego"
		m, err := ast.ParseModuleWithOpts(name, fmt.Sprintf(aggregator, k, k), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, err
		}
		modules[name] = m
	}
	c := ast.NewCompiler().WithCapabilities(caps).WithEnablePrintStatements(false)
	c.Compile(modules)
	if c.Failed() {
		return nil, policyError(c.Errors)
	}
	p := &Pack{compiler: c, byPkg: map[string]*finding.Rule{}, byID: map[string]*finding.Rule{}}
	if err := p.readMetadata(modules, builtinNames(srcs)); err != nil {
		return nil, err
	}
	if opt.CheckIDs != nil {
		if err := opt.CheckIDs(p.isRuleID); err != nil {
			return nil, err
		}
	}
	if err := p.applySelection(sel); err != nil {
		return nil, err
	}
	store := inmem.NewFromObject(map[string]any{"shiplint_config": map[string]any{"params": paramsObject(sel.Params)}})
	p.queries = map[document.Kind]*rego.PreparedEvalQuery{}
	for _, k := range document.Kinds {
		pq, err := rego.New(
			rego.Query("data.shiplint_engine."+string(k)),
			rego.Compiler(c),
			rego.Capabilities(caps),
			rego.Store(store),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, err
		}
		p.queries[k] = &pq
	}
	return p, nil
}

func builtinNames(srcs []source) map[string]bool {
	m := map[string]bool{}
	for _, s := range srcs {
		m[s.name] = s.builtin
	}
	return m
}

// capabilities are OPA's, less the built-ins that reach the network, the
// environment or the runtime: rules loaded with --policy are untrusted.
func capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(caps.Builtins, func(b *ast.Builtin) bool {
		return unsafeBuiltin(b.Name)
	})
	return caps
}

func unsafeBuiltin(name string) bool {
	switch name {
	case "http.send", "opa.runtime":
		return true
	case "time.now_ns", "rand.intn", "uuid.rfc4122":
		// Not dangerous, but a rule that uses them would make the same
		// scan give different output on different days.
		return true
	}
	return strings.HasPrefix(name, "net.")
}

// policyError turns OPA's errors into one message per problem, each with the
// policy file and line.
func policyError(err error) error {
	var lines []string
	if errs, ok := err.(ast.Errors); ok {
		for _, e := range errs {
			lines = append(lines, e.Error())
		}
	} else {
		lines = append(lines, err.Error())
	}
	return &PolicyError{Problems: lines}
}

// PolicyError is a rule pack that does not load: a parse or compile error,
// missing metadata, a duplicate rule ID.
type PolicyError struct{ Problems []string }

func (e *PolicyError) Error() string {
	if len(e.Problems) == 1 {
		return "policy: " + e.Problems[0]
	}
	return fmt.Sprintf("policy: %d problems:\n  %s", len(e.Problems), strings.Join(e.Problems, "\n  "))
}

// Rules returns the metadata of every rule in the pack, sorted by ID.
func (p *Pack) Rules() []finding.Rule { return slices.Clone(p.rules) }

// Rule returns the rule with the given ID.
func (p *Pack) Rule(id string) (finding.Rule, bool) {
	for _, r := range p.rules {
		if r.ID == id {
			return r, true
		}
	}
	return finding.Rule{}, false
}

// Compiler exposes the compiled modules (for running Rego tests).
func (p *Pack) Compiler() *ast.Compiler { return p.compiler }

// kindOfPackage returns the kind a rule package checks, from its path
// data.shiplint.<kind>.<name>.
func kindOfPackage(pkg string) (document.Kind, bool) {
	parts := strings.Split(pkg, ".")
	if len(parts) < 3 || parts[0] != Namespace {
		return "", false
	}
	return document.ParseKind(parts[1])
}
