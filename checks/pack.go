package checks

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/parallel"
	"github.com/shiplint/shiplint/internal/regosandbox"
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
	// Kinds are the kinds of file the scan will see; only their rules are
	// compiled up front (nil means all). Others compile on first use.
	Kinds []document.Kind
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
	// Rules and SkipRules come from the command line (--rule,
	// --skip-rule): rule IDs or other tools' IDs for them (aliases), in
	// any case; an alias several rules share names them all (Resolve).
	// Rules, when set, runs just these rules in place of Only; SkipRules
	// turn rules off as Disable does. An unknown name is an error.
	Rules, SkipRules []string
	// Severities, when set, runs just the rules whose severity (after the
	// Severity overrides) is listed. The engine's rules that report a file
	// or chart not scanned (syntax-error, file-not-scanned, render-error,
	// ...) run whatever their severity, as they do whatever Frameworks
	// says: a gate must not pass an unscanned file in silence.
	Severities []finding.Severity
}

// Pack is a compiled rule pack: every rule's metadata and one prepared query
// per kind of document. It is safe for concurrent use.
type Pack struct {
	rules   []finding.Rule
	enabled map[string]bool
	aliases map[string]bool // upper-cased aliases of every rule
	byPkg   map[string]*finding.Rule
	byID    map[string]*finding.Rule
	caps    *ast.Capabilities
	store   storage.Store
	// modules are the parsed Rego modules compiled into every kind: the
	// user's policies, and the built-in ones when they were parsed up front
	// (with tests, or without a catalog).
	modules map[string]*ast.Module
	// builtin, when set, holds the built-in Rego sources still unparsed:
	// the catalog gave their metadata, so each kind parses only its own
	// modules and the helpers, when it is first compiled.
	builtin *lazyBuiltin
	kinds   map[document.Kind]*compiledKind
	// scopedKinds are the kinds with rules that declare applies_to.
	scopedKinds map[document.Kind]bool
	// untrusted is set when user policies are loaded: their evaluations
	// run sandboxed (a budget and the heap watchdog: internal/regosandbox).
	untrusted bool
	// now is the instant rules see as the current time (regosandbox.EvalTime).
	now time.Time
	// userFindings counts the findings of user rules (maxUserFindings).
	userFindings atomic.Int64
}

// source is one Rego file to compile.
type source struct {
	name    string // shown in errors: "rules/kubernetes/x.rego" or the user's path
	text    string
	builtin bool
	// embedded, when set, is the file's path in rules.FS, read only when
	// it is parsed: a one-file scan reads the helpers and one kind's rules,
	// not all of them (reading every file was half of loading the pack).
	embedded string
}

// content returns the file's Rego text.
func (s source) content() (string, error) {
	if s.embedded == "" {
		return s.text, nil
	}
	b, err := rules.FS.ReadFile(s.embedded)
	if err != nil {
		return "", err
	}
	// ReadFile returned a fresh copy that nothing else holds.
	return unsafe.String(unsafe.SliceData(b), len(b)), nil
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
		out = append(out, source{name: "rules/" + p, builtin: true, embedded: p})
		return nil
	})
	return out, err
}

// dirSources reads the .rego files under a user's policy directory (or one
// .rego file). The path is trusted as given, but a policy directory may sit
// in the scanned repository: every file under it is read through confine,
// so it must be a regular file that resolves inside the directory (a
// policy x.rego -> /dev/zero or -> ~/.aws/credentials is a run error).
func dirSources(dir string, withTests bool) ([]source, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("policy directory %s: %w", dir, unwrapPathError(err))
	}
	reader := confine.NewReader(confine.Limits{})
	if !info.IsDir() {
		if isRegoFile(dir, withTests) || strings.HasSuffix(dir, ".rego") {
			b, err := reader.ReadPath(dir)
			if err != nil {
				return nil, policyNotRead(dir, filepath.Dir(dir), err)
			}
			return []source{{name: filepath.ToSlash(dir), text: string(b)}}, nil
		}
		return nil, fmt.Errorf("policy %s: not a directory or .rego file", dir)
	}
	rt, err := reader.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("policy directory %s: %w", dir, err)
	}
	defer rt.Close()
	var out []source
	// Walk the directory's real path (a symlinked --policy directory is
	// followed), naming files as the user spelled the directory.
	err = filepath.WalkDir(rt.Dir(), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != rt.Dir() && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !isRegoFile(p, withTests) {
			return nil
		}
		rel, _ := filepath.Rel(rt.Dir(), p)
		name := filepath.Join(dir, rel)
		b, _, err := rt.ReadFile(rel)
		switch {
		case confine.IsDir(err):
			return nil // a directory symlink named .rego: not followed
		case err != nil:
			return policyNotRead(name, dir, err)
		}
		out = append(out, source{name: filepath.ToSlash(name), text: string(b)})
		return nil
	})
	if err != nil {
		var refused *unreadPolicy
		if errors.As(err, &refused) {
			return nil, err
		}
		return nil, fmt.Errorf("policy directory %s: %w", dir, err)
	}
	return out, nil
}

// unreadPolicy is a policy file that was not read.
type unreadPolicy struct{ msg string }

func (e *unreadPolicy) Error() string { return e.msg }

// policyNotRead says which policy file was not read, why (never what a
// symlink points at) and what to do.
func policyNotRead(name, dir string, err error) error {
	why := err.Error()
	var ce *confine.Error
	if errors.As(err, &ce) {
		why = ce.Why()
	}
	return &unreadPolicy{fmt.Sprintf("policy %s was not read: %s; a policy must be a regular .rego file inside %s, at most %d bytes (replace a symlink with the file it points at)", filepath.ToSlash(name), why, dir, confine.DefaultMaxFileSize)}
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
// The deny sets of the user's packages (untrusted) are read through
// elements, which bounds what the result holds (see maxDenyElements): a
// result is converted to Go whole, so a deny element whose parts are
// shared (a path of [a, a], a := [b, b], ...) would be exponential. The
// built-in rules' are read as they are: elements costs a third of a
// Compose file's evaluation. The per-rule and scoped queries read deny
// sets the same way (denyQuery).
const aggregator = `package shiplint_engine

%[1]s contains [p, f] if {
	some p
	not untrusted[p]
	some f in data.shiplint.%[1]s[p].deny
}

%[1]s contains [p, d] if {
	some p in untrusted
	some d in elements(data.shiplint.%[1]s[p].deny)
}

untrusted := %[4]s

elements(deny) := {{"error": "too_many", "count": count(deny)}} if count(deny) > %[2]d

elements(deny) := {element(f) | some f in deny} if count(deny) <= %[2]d

element(f) := f if is_string(f)

element(f) := {"msg": f.msg, "path": path(f.path), "fix": fix_of(f)} if is_string(f.msg)

element(f) := {"msg": f.msg, "path": [], "fix": fix_of(f)} if {
	is_string(f.msg)
	not f.path
}

fix_of(f) := {"description": f.fix.description, "ops": [fix_op(o) | some o in f.fix.ops]} if {
	is_string(f.fix.description)
	is_array(f.fix.ops)
	count(f.fix.ops) <= 8
} else := null

fix_op(o) := {"path": path(o.path), "set": o.set} if fix_scalar(o.set)

else := {"path": path(o.path), "add": o.add} if fix_scalar(o.add)

else := {"after": o.after, "insert": o.insert} if {
	is_string(o.after)
	is_string(o.insert)
} else := {"match": o.match, "replace": o.replace} if {
	is_string(o.match)
	is_string(o.replace)
} else := {}

fix_scalar(x) if is_string(x)

fix_scalar(x) if is_number(x)

fix_scalar(x) if is_boolean(x)

element(f) := {"error": "shape", "type": type_name(f)} if {
	not is_string(f)
	not is_string(f.msg)
}

path(p) := p if {
	is_array(p)
	count(p) <= %[3]d
	every x in p {
		scalar(x)
	}
} else := []

scalar(x) if is_string(x)

scalar(x) if is_number(x)
`

// untrustedNames is the set, in Rego, of the names (shiplint.<kind>.<name>)
// of the user's packages of kind k.
func untrustedNames(user map[string]*ast.Module, k document.Kind) string {
	var names []string
	for _, m := range user {
		parts := strings.Split(refString(m.Package.Path), ".")
		if kind, ok := kindOfPackage(refString(m.Package.Path)); ok && kind == k {
			names = append(names, strconv.Quote(parts[2]))
		}
	}
	if len(names) == 0 {
		return "set()"
	}
	slices.Sort(names)
	return "{" + strings.Join(slices.Compact(names), ", ") + "}"
}

// denyQuery reads rule r's deny set: as it is for a built-in rule, through
// the aggregator's elements for a user rule.
func denyQuery(r *finding.Rule) string {
	if r.BuiltIn {
		return "data." + r.Package + ".deny"
	}
	return "data.shiplint_engine.elements(data." + r.Package + ".deny)"
}

func compile(ctx context.Context, srcs []source, opt Options) (*Pack, error) {
	sel := opt.Select
	caps := regosandbox.Capabilities()
	now, err := regosandbox.EvalTime()
	if err != nil {
		return nil, err
	}
	if err := checkSourceNames(srcs); err != nil {
		return nil, err
	}
	p := &Pack{byPkg: map[string]*finding.Rule{}, byID: map[string]*finding.Rule{}, caps: caps, now: now}
	// Start-up is most of a one-file scan, and parsing the built-in pack's
	// METADATA is half of parsing it: outside `shiplint test`, the built-in
	// rules' metadata comes from the catalog generated from those blocks
	// (catalog_gen.go, kept current by TestCatalogIsCurrent), and their
	// Rego is parsed per kind when that kind is compiled.
	var preset []finding.Rule
	if !opt.WithTests {
		var lazy []source
		lazy, srcs = splitBuiltin(srcs)
		if len(lazy) > 0 {
			preset = builtinCatalog()
			p.builtin = &lazyBuiltin{srcs: lazy, caps: caps}
		}
	}
	modules, err := parseAll(srcs, caps, true)
	if err != nil {
		return nil, err
	}
	if err := p.checkUserModules(modules, builtinNames(srcs)); err != nil {
		return nil, err
	}
	if err := p.readMetadata(preset, modules, builtinNames(srcs)); err != nil {
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
	p.store = inmem.NewFromObject(map[string]any{"shiplint_config": map[string]any{"params": paramsObject(sel.Params)}})
	p.modules = modules
	p.kinds = map[document.Kind]*compiledKind{}
	p.scopedKinds = map[document.Kind]bool{}
	for _, k := range document.Kinds {
		p.kinds[k] = &compiledKind{}
		p.scopedKinds[k] = p.scoped(k)
	}
	// Compile now what this run needs: the kinds it will scan, and every
	// kind a user policy targets, so a broken policy fails the run up
	// front (exit 2) rather than when its first file turns up.
	want := map[document.Kind]bool{}
	for _, k := range opt.Kinds {
		want[k] = true
	}
	if opt.Kinds == nil {
		for _, k := range document.Kinds {
			want[k] = true
		}
	}
	for _, r := range p.rules {
		if !r.BuiltIn && r.Kind != "" {
			want[r.Kind] = true
		}
	}
	var wg sync.WaitGroup
	for _, k := range document.Kinds {
		if want[k] {
			wg.Add(1)
			go func() { defer wg.Done(); p.query(ctx, k) }()
		}
	}
	wg.Wait()
	for _, k := range document.Kinds {
		if want[k] && p.kinds[k].err != nil {
			return nil, p.kinds[k].err
		}
	}
	return p, nil
}

// Prepare starts compiling the rules of kind k in the background, if that
// has not started yet, so the work overlaps with reading the files to scan.
// It is safe to call from several goroutines.
func (p *Pack) Prepare(ctx context.Context, k document.Kind) {
	if ck, ok := p.kinds[k]; ok && ck.started.CompareAndSwap(false, true) {
		go p.query(ctx, k)
	}
}

// compiledKind is the compiled rule set of one kind, built once.
type compiledKind struct {
	started  atomic.Bool
	once     sync.Once
	compiler *ast.Compiler
	query    *rego.PreparedEvalQuery
	err      error

	// Queries over the rules that apply to a group of documents (see
	// scope.go), by group and by set of rules.
	scopeMu sync.Mutex
	byGroup map[string]*rego.PreparedEvalQuery
	bySet   map[string]*rego.PreparedEvalQuery

	perRuleOnce sync.Once
	perRule     []ruleQuery
	perRuleErr  error
}

// query returns the prepared aggregator query of one kind, compiling that
// kind's rules (and every helper module) on first use. A one-file scan
// thus pays only for the rules of its own kind.
func (p *Pack) query(ctx context.Context, k document.Kind) (*rego.PreparedEvalQuery, error) {
	ck := p.kinds[k]
	ck.once.Do(func() { ck.compiler, ck.query, ck.err = p.compileKind(ctx, k) })
	return ck.query, ck.err
}

func (p *Pack) compileKind(ctx context.Context, k document.Kind) (*ast.Compiler, *rego.PreparedEvalQuery, error) {
	user := map[string]*ast.Module{}
	for name, m := range p.modules {
		if other, ok := kindOfPackage(refString(m.Package.Path)); ok && other != k {
			continue
		}
		user[name] = m
	}
	mods := maps.Clone(user)
	if p.builtin != nil {
		builtin, err := p.builtin.modules(k, user)
		if err != nil {
			return nil, nil, err
		}
		maps.Copy(mods, builtin)
	}
	name := "shiplint-engine-" + string(k) + ".rego"
	agg, err := ast.ParseModuleWithOpts(name, fmt.Sprintf(aggregator, k, maxDenyElements, maxPathLength, untrustedNames(user, k)), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, nil, err
	}
	mods[name] = agg
	c := ast.NewCompiler().WithCapabilities(p.caps).WithEnablePrintStatements(false)
	if len(user) == 0 && p.builtin != nil {
		// Only the embedded rules, which make test compiles with every check
		// (RunRegoTests, in TestRegoUnitTests): skip the stages that only look
		// for mistakes, a tenth of a one-file scan's start-up.
		c = c.WithSkipStages(checkOnlyStages...)
	}
	c.Compile(mods)
	if c.Failed() {
		return nil, nil, policyError(c.Errors)
	}
	pq, err := rego.New(
		rego.Query("data.shiplint_engine."+string(k)),
		rego.Compiler(c),
		rego.Capabilities(p.caps),
		rego.Store(p.store),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, nil, err
	}
	return c, &pq, nil
}

// checkOnlyStages are the compiler stages that report mistakes and change
// nothing the evaluator uses (CheckSafetyRuleBodies is not one: it also
// reorders rule bodies).
var checkOnlyStages = []ast.StageID{
	ast.StageCheckUnusedImports, ast.StageCheckKeywordOverrides, ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls, ast.StageCheckRuleConflicts, ast.StageCheckUndefinedFuncs,
	ast.StageCheckSafetyRuleHeads, ast.StageCheckRecursion, ast.StageCheckTypes,
	ast.StageCheckUnsafeBuiltins, ast.StageCheckDeprecatedBuiltins, ast.StageBuildRequiredCapabilities,
}

// parseAll parses every Rego file, on every core: parsing is a third of
// the start-up cost. Annotations are needed for metadata (and by policies
// that read rego.metadata), not to evaluate the built-in rules.
func parseAll(srcs []source, caps *ast.Capabilities, annotations bool) (map[string]*ast.Module, error) {
	mods := make([]*ast.Module, len(srcs))
	errs := make([]error, len(srcs))
	parallel.Each(len(srcs), func(i int) {
		text, err := srcs[i].content()
		if err != nil {
			errs[i] = err
			return
		}
		mods[i], errs[i] = ast.ParseModuleWithOpts(srcs[i].name, text, ast.ParserOptions{
			ProcessAnnotation: annotations, RegoVersion: ast.RegoV1, Capabilities: caps,
		})
	})
	out := make(map[string]*ast.Module, len(srcs))
	for i, s := range srcs {
		if errs[i] != nil {
			return nil, policyError(errs[i])
		}
		out[s.name] = mods[i]
	}
	return out, nil
}

// checkUserModules refuses user modules in the built-in pack's packages
// (namespace.go) or holding values that expand without bound
// (regosandbox.CheckExpansion), and notes whether there are user modules
// at all: their evaluations run sandboxed.
func (p *Pack) checkUserModules(modules map[string]*ast.Module, builtin map[string]bool) error {
	user := map[string]*ast.Module{}
	var builtinPkgs []string
	for name, m := range modules {
		if builtin[name] {
			builtinPkgs = append(builtinPkgs, refString(m.Package.Path))
		} else {
			user[name] = m
		}
	}
	p.untrusted = len(user) > 0
	return checkUserPackages(user, builtinCatalog(), builtinPkgs)
}

func builtinNames(srcs []source) map[string]bool {
	m := map[string]bool{}
	for _, s := range srcs {
		m[s.name] = s.builtin
	}
	return m
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

// Compiler returns the compiled modules of one kind (for tools that
// query single rules, like the rule-cost benchmark).
func (p *Pack) Compiler(ctx context.Context, k document.Kind) (*ast.Compiler, error) {
	if _, err := p.query(ctx, k); err != nil {
		return nil, err
	}
	return p.kinds[k].compiler, nil
}

// kindOfPackage returns the kind a rule package checks, from its path
// data.shiplint.<kind>.<name>.
func kindOfPackage(pkg string) (document.Kind, bool) {
	parts := strings.Split(pkg, ".")
	if len(parts) < 3 || parts[0] != Namespace {
		return "", false
	}
	return document.ParseKind(parts[1])
}
