// Package config reads .shiplint.yaml: which rules run, how severe they
// are, which paths are left out, extra policy directories, rule parameters
// and the fail threshold. Every problem is reported with its line, and
// unknown keys are errors: a misspelt key must not be silently ignored.
package config

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/yamldoc"
)

// FileName is the name shiplint looks for.
const FileName = ".shiplint.yaml"

// Config is a parsed .shiplint.yaml. Paths in it are relative to its
// directory and are made absolute by Load.
type Config struct {
	// Path of the file it was read from ("" when there is none).
	Path       string
	FailOn     *finding.Severity
	Policies   []string
	Frameworks []string
	Exclude    []string
	Disable    []string
	Only       []string
	Severity   map[string]finding.Severity
	Params     map[string]map[string]any
	// MaxFileSize in bytes; 0 means the default.
	MaxFileSize int64
	// Helm are per-chart settings (helm:), made absolute by Load.
	Helm []HelmChart
	// Roots are the scan's paths as given on the command line: an exclude
	// glob matches the path shown in findings or the path relative to the
	// root it was found under (Excluded).
	Roots []string

	lines map[string]int // "disable/DF001" -> line, for errors about IDs
	// policyLines and maxFileSizeLine locate those keys for LoadFound;
	// policySpelled are the policies as written.
	policyLines     []int
	policySpelled   []string
	maxFileSizeLine int
}

// HelmChart is how one chart is rendered: values files after its
// values.yaml, then --set style values. Paths are relative to the config
// file's directory until Load makes them absolute.
type HelmChart struct {
	Dir    string
	Values []string
	Set    []string
	// Line is where the chart's entry is, for errors.
	Line int
}

// Error is a problem in the config file at a line.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg) }

// keys are the top-level keys, each documented in docs/configuration.md.
var keys = []string{"fail-on", "policies", "frameworks", "exclude", "disable", "only", "severity", "params", "max-file-size", "helm"}

// Find looks for .shiplint.yaml in start and its parents up to the
// boundary: the repository root (the nearest directory at or above start
// holding .git), or start itself when there is none. Config lookup never
// climbs further: a world-writable /tmp/.shiplint.yaml must not configure a
// scan of /tmp/checkout. It returns the file found ("" when none) and the
// boundary, which whatever the config names must stay inside (LoadFound).
func Find(start string) (found, boundary string, err error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", "", err
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	boundary = repoRoot(dir)
	for {
		p := filepath.Join(dir, FileName)
		// Lstat: a symlinked config is found whatever it points at (and
		// refused by LoadFound if that is outside), so whether its target
		// exists changes nothing.
		if _, err := os.Lstat(p); err == nil {
			return p, boundary, nil
		}
		parent := filepath.Dir(dir)
		if dir == boundary || parent == dir {
			return "", boundary, nil
		}
		dir = parent
	}
}

// repoRoot is the nearest directory at or above dir holding .git, or dir.
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// Load reads and checks a config file the user named (--config): trusted
// as given.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: %v", path, unwrap(err))
	}
	c, err := Parse(path, src)
	if err != nil {
		return nil, err
	}
	c.absPolicies()
	return c, nil
}

// LoadFound reads a config that Find found in the scanned tree, which is
// untrusted: it is read only as a regular file inside boundary (a symlink
// out of it, a FIFO, /dev/zero are refused, without blocking), it cannot
// raise max-file-size above the default (only the command line can), and
// every policies entry must resolve inside boundary.
func LoadFound(path, boundary string) (*Config, error) {
	rt, err := confine.NewReader(confine.Limits{}).OpenRoot(boundary)
	if err != nil {
		return nil, err
	}
	defer rt.Close()
	rel, err := filepath.Rel(boundary, path)
	if err != nil {
		return nil, err
	}
	src, _, err := rt.ReadFile(rel)
	if err != nil {
		return nil, fmt.Errorf("config %s was not read: %s; a config found in the scanned tree must be a regular file inside %s (or pass --config)", path, why(err), boundary)
	}
	c, err := Parse(path, src)
	if err != nil {
		return nil, err
	}
	if c.MaxFileSize > confine.DefaultMaxFileSize {
		return nil, &Error{Path: path, Line: c.maxFileSizeLine, Msg: fmt.Sprintf("max-file-size %d is over the default of %d bytes: a config found in the scanned tree can lower the limit, not raise it (pass --max-file-size, or this file with --config, to raise it)", c.MaxFileSize, confine.DefaultMaxFileSize)}
	}
	c.absPolicies()
	for i, p := range c.Policies {
		if err := policyInside(rt, boundary, p); err != "" {
			return nil, &Error{Path: path, Line: c.policyLines[i], Msg: fmt.Sprintf("policies: %s %s; a config found in the scanned tree can only name policies inside %s (pass --policy, or this file with --config, for others)", c.policySpelled[i], err, boundary)}
		}
	}
	return c, nil
}

// policyInside says why a policy path does not resolve inside the root
// ("" when it does, or when it does not exist: loading it reports that).
func policyInside(rt *confine.Root, boundary, p string) string {
	rel, err := filepath.Rel(boundary, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "is outside"
	}
	if _, err := rt.Check(rel); err != nil && !confine.IsDir(err) && !confine.IsMissing(err) {
		var ce *confine.Error
		if errors.As(err, &ce) && ce.Reason == confine.Outside {
			return "resolves outside it through a symlink"
		}
	}
	return ""
}

// why is the reason a confined read gave, without the name.
func why(err error) string {
	var ce *confine.Error
	if errors.As(err, &ce) {
		return ce.Why()
	}
	return err.Error()
}

// absPolicies makes policy paths absolute, relative to the config's
// directory.
func (c *Config) absPolicies() {
	dir := filepath.Dir(c.Path)
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, filepath.FromSlash(p))
	}
	for i := range c.Helm {
		h := &c.Helm[i]
		h.Dir = abs(h.Dir)
		for j := range h.Values {
			h.Values[j] = abs(h.Values[j])
		}
	}
	c.policySpelled = slices.Clone(c.Policies)
	for i, p := range c.Policies {
		if !filepath.IsAbs(p) {
			c.Policies[i] = filepath.Join(dir, p)
		}
	}
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse reads config text; path is only used in messages.
func Parse(path string, src []byte) (*Config, error) {
	docs, err := yamldoc.Decode(path, src, yamldoc.Options{Positions: true})
	if err != nil {
		var se *document.SyntaxError
		if errors.As(err, &se) {
			return nil, &Error{Path: path, Line: max(se.Line, 1), Msg: se.Msg}
		}
		return nil, err
	}
	c := &Config{Path: path, lines: map[string]int{}}
	if len(docs) == 0 {
		return c, nil
	}
	p := &parser{path: path, pos: docs[0].Positions, c: c}
	root, ok := docs[0].Value.(map[string]any)
	if !ok {
		return nil, &Error{Path: path, Line: 1, Msg: "the config must be a mapping of keys (see docs/configuration.md)"}
	}
	for _, k := range slices.Sorted(maps.Keys(root)) {
		if !slices.Contains(keys, k) {
			return nil, p.errorf([]any{k}, "unknown key %q (known keys: %s)", k, strings.Join(keys, ", "))
		}
		if err := p.key(k, root[k]); err != nil {
			return nil, err
		}
	}
	return c, nil
}

type parser struct {
	path string
	pos  document.Positions
	c    *Config
}

func (p *parser) errorf(path []any, format string, args ...any) error {
	r, _ := p.pos.Resolve(path)
	return &Error{Path: p.path, Line: max(r.StartLine, 1), Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) key(k string, v any) error {
	var err error
	switch k {
	case "fail-on":
		var s finding.Severity
		s, err = p.severity([]any{k}, v)
		p.c.FailOn = &s
	case "policies":
		p.c.Policies, err = p.strings(k, v)
		for i := range p.c.Policies {
			p.c.policyLines = append(p.c.policyLines, p.line([]any{k, i}))
		}
	case "frameworks":
		p.c.Frameworks, err = p.strings(k, v)
	case "exclude":
		p.c.Exclude, err = p.strings(k, v)
		for i, g := range p.c.Exclude {
			if err == nil && !doublestar.ValidatePattern(g) {
				err = p.errorf([]any{k, i}, "exclude pattern %q is not a valid glob", g)
			}
		}
	case "disable":
		p.c.Disable, err = p.ruleIDs(k, v)
	case "only":
		p.c.Only, err = p.ruleIDs(k, v)
	case "severity":
		err = p.severities(v)
	case "params":
		err = p.params(v)
	case "helm":
		err = p.helm(v)
	case "max-file-size":
		n, ok := v.(int64)
		if !ok || n <= 0 {
			return p.errorf([]any{k}, "max-file-size must be a positive number of bytes")
		}
		p.c.MaxFileSize = n
		p.c.maxFileSizeLine = p.line([]any{k})
	}
	return err
}

// helm reads helm: {chart-dir: {values: [files], set: [key=value]}}.
func (p *parser) helm(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return p.errorf([]any{"helm"}, "helm must map chart directories to their settings (values:, set:)")
	}
	for _, dir := range slices.Sorted(maps.Keys(m)) {
		at := []any{"helm", dir}
		s, ok := m[dir].(map[string]any)
		if !ok || dir == "" {
			return p.errorf(at, "helm: %q must map to settings (values:, set:)", dir)
		}
		hc := HelmChart{Dir: dir, Line: p.line(at)}
		for _, k := range slices.Sorted(maps.Keys(s)) {
			var err error
			switch k {
			case "values":
				hc.Values, err = p.stringsAt(append(at, k), "values", s[k])
			case "set":
				hc.Set, err = p.stringsAt(append(at, k), "set", s[k])
				for i, kv := range hc.Set {
					if err == nil && !strings.Contains(kv, "=") {
						err = p.errorf(append(at, k, i), "helm set %q is not key=value", kv)
					}
				}
			default:
				err = p.errorf(append(at, k), "unknown key %q in helm settings (known: values, set)", k)
			}
			if err != nil {
				return err
			}
		}
		p.c.Helm = append(p.c.Helm, hc)
	}
	return nil
}

func (p *parser) stringsAt(path []any, name string, v any) ([]string, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, p.errorf(path, "%s must be a list", name)
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok || s == "" {
			return nil, p.errorf(append(path, i), "%s entries must be non-empty strings", name)
		}
		out = append(out, s)
	}
	return out, nil
}

func (p *parser) strings(k string, v any) ([]string, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, p.errorf([]any{k}, "%s must be a list", k)
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok || s == "" {
			return nil, p.errorf([]any{k, i}, "%s entries must be non-empty strings", k)
		}
		out = append(out, s)
	}
	return out, nil
}

func (p *parser) ruleIDs(k string, v any) ([]string, error) {
	ids, err := p.strings(k, v)
	for i, id := range ids {
		p.c.lines[k+"/"+id] = p.line([]any{k, i})
	}
	return ids, err
}

func (p *parser) line(path []any) int {
	r, _ := p.pos.Resolve(path)
	return r.StartLine
}

func (p *parser) severity(path []any, v any) (finding.Severity, error) {
	s, _ := v.(string)
	sev, err := finding.ParseSeverity(s)
	if err != nil {
		return 0, p.errorf(path, "%v", err)
	}
	return sev, nil
}

func (p *parser) severities(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return p.errorf([]any{"severity"}, "severity must map rule IDs to severities, e.g. DF002: high")
	}
	p.c.Severity = map[string]finding.Severity{}
	for _, id := range slices.Sorted(maps.Keys(m)) {
		s, err := p.severity([]any{"severity", id}, m[id])
		if err != nil {
			return err
		}
		p.c.Severity[id] = s
		p.c.lines["severity/"+id] = p.line([]any{"severity", id})
	}
	return nil
}

func (p *parser) params(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return p.errorf([]any{"params"}, "params must map rule IDs to their parameters, e.g. DF030: {registries: [...]}")
	}
	p.c.Params = map[string]map[string]any{}
	for _, id := range slices.Sorted(maps.Keys(m)) {
		ps, ok := m[id].(map[string]any)
		if !ok {
			return p.errorf([]any{"params", id}, "params of %s must be a mapping of parameter names to values", id)
		}
		p.c.Params[id] = ps
		p.c.lines["params/"+id] = p.line([]any{"params", id})
	}
	return nil
}

// CheckRuleIDs reports the first rule ID in the config that known does not
// recognise, at its line.
func (c *Config) CheckRuleIDs(known func(id string) bool) error {
	var refs []string
	for ref := range c.lines {
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool { return c.lines[refs[i]] < c.lines[refs[j]] })
	for _, ref := range refs {
		section, id, _ := strings.Cut(ref, "/")
		if !known(id) {
			return &Error{Path: c.Path, Line: c.lines[ref], Msg: fmt.Sprintf("%s: unknown rule ID %q (shiplint rules lists them)", section, id)}
		}
	}
	return nil
}

// AddExclude adds exclude globs from the command line (--skip-path),
// checked as the config's own.
func (c *Config) AddExclude(flag string, globs []string) error {
	for _, g := range globs {
		if !doublestar.ValidatePattern(g) {
			return fmt.Errorf("%s %q is not a valid glob (doublestar syntax: *, **, ?, [a-z], {a,b})", flag, g)
		}
	}
	c.Exclude = append(c.Exclude, globs...)
	return nil
}

// Excluded reports whether a displayed (slash) path matches an exclude
// glob, as shown or relative to the scan root it is under: scanning
// deploy/, "k8s/**" leaves out deploy/k8s/a.yaml.
func (c *Config) Excluded(p string) bool {
	if c.matches(p) {
		return true
	}
	for _, root := range c.Roots {
		if rel, ok := underRoot(root, p); ok && c.matches(rel) {
			return true
		}
	}
	return false
}

// underRoot is p relative to the scan root (a directory, or a file whose
// directory is then the root).
func underRoot(root, p string) (string, bool) {
	root = path.Clean(filepath.ToSlash(root))
	switch {
	case root == ".":
		return "", false // shown paths are already relative to it
	case p == root:
		return path.Base(p), true
	case strings.HasPrefix(p, root+"/"):
		return p[len(root)+1:], true
	case root == "/" && strings.HasPrefix(p, "/"):
		return p[1:], true
	}
	return "", false
}

func (c *Config) matches(shown string) bool {
	for _, g := range c.Exclude {
		if ok, _ := doublestar.Match(g, shown); ok {
			return true
		}
		// "dir/" or "dir" excludes everything under it.
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", shown); ok {
			return true
		}
	}
	return false
}
