package compose

import (
	"errors"
	"fmt"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/yamldoc"
)

// maxExtends bounds a chain of extends (a → b → c …): cycles are caught as
// such, so only a hostile file gets near it, and it bounds the recursion.
const maxExtends = 256

// maxInherited bounds the values (mapping keys, list items, scalars) that
// extends copies into the services of one Compose file. Each inherited
// value costs a position entry per service that inherits it, so without a
// bound 60 services extending one large service would hold 60 copies of its
// positions. A real project inherits a few hundred; a service that would go
// over is checked without what it inherits, with a finding at its extends.
const maxInherited = 200_000

// parser holds what one Compose file's services are resolved with: the .env
// variables and the other files that extends reads.
type parser struct {
	opt   Options
	ip    *interpolator
	files map[string]*file
	chain []string // the services being resolved, outermost first
	// problem is the first extends that Compose would reject in the chain
	// of the scanned file's service being resolved ("" when none); warning
	// when it is only an extends file that could not be read.
	problem string
	warning bool
	// byID caches the files read for extends by identity on disk, so one
	// file reached through differently spelled paths is read once.
	byID map[document.FileID]*file
	// inherited counts the values extends has copied so far (maxInherited).
	inherited int
	// refusals are files not read and budgets spent, at their lines.
	refusals []*document.Refused
}

// file is one Compose file's services: the scanned one, or one read for
// extends (then pos is nil: its lines are not in the scanned document).
type file struct {
	name string // slash path relative to the scanned file's directory ("" for the scanned file)
	dir  string // its directory
	svcs map[string]any
	pos  document.Positions // document positions ("/services/web/..."), or nil
	// legacy: the services are written at the top level (version 1), so
	// their positions are "/web/...", and legacy keys are rewritten.
	legacy bool
	memo   map[string]*resolved
	active map[string]bool
	// refused says why the file was not read ("" when it was).
	refused string
}

// resolved is a service after interpolation, normalization and extends;
// pos and interp are keyed relative to the service.
type resolved struct {
	svc    map[string]any
	pos    document.Positions
	interp map[string]*interp
	// refused is the first file its extends chain was not allowed to read,
	// or the budget it ran out of ("" when none): a finding at the extends
	// line of each scanned service whose chain holds it.
	refused string
}

func newParser(opt Options) *parser {
	p := &parser{opt: opt, ip: &interpolator{env: map[string]string{}}, files: map[string]*file{}, byID: map[document.FileID]*file{}}
	if opt.ReadFile == nil {
		return p
	}
	b, err := opt.ReadFile(".env")
	if why, refused := refusal(err); refused {
		p.refusals = append(p.refusals, &document.Refused{Line: 1, Msg: "the .env file beside this Compose file was not read: " + why + "; the variables it would set are unset here"})
	} else if err == nil {
		p.ip.loadDotEnv(b)
	}
	return p
}

// refusal tells a file that must not be read (and why) from one that is
// simply not there.
func refusal(err error) (string, bool) {
	var r *document.Refused
	if errors.As(err, &r) {
		return r.Msg, true
	}
	return "", false
}

// services resolves every service of f, writes their positions into pos
// under /services/<name>, and returns them with their interpolation records
// keyed the same way, and the first extends Compose would reject (a cycle, a
// missing service), or else the first extends file that cannot be read,
// located at the extends of the scanned file's service whose chain holds it.
// Such a service is checked without what it would inherit.
func (p *parser) services(f *file, pos document.Positions) (map[string]any, map[string]*interp, *extendsProblem) {
	var first *extendsProblem
	out := map[string]any{}
	recs := map[string]*interp{}
	names := make([]string, 0, len(f.svcs))
	for name := range f.svcs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p.problem, p.warning = "", false
		r := p.resolve(f, name, 0)
		key, src := document.Key("services", name), f.key(name)
		if r == nil {
			continue
		}
		if r.refused != "" {
			// At the line naming the file that leads to the refusal
			// (extends: {file: ...} may span lines), else the extends.
			at, ok := f.pos[src+"/extends/file"]
			if !ok {
				at, ok = f.pos[src+"/extends"]
			}
			if !ok {
				at = f.pos[src]
			}
			p.refusals = append(p.refusals, &document.Refused{Line: at.StartLine, Msg: r.refused})
		}
		if p.problem != "" {
			at, ok := f.pos[src+"/extends"]
			if !ok {
				at = f.pos[src]
			}
			found := &extendsProblem{line: at.StartLine, msg: p.problem, warning: p.warning}
			if first == nil || first.warning && !found.warning || first.warning == found.warning && found.line < first.line {
				first = found
			}
		}
		for k, rg := range r.pos {
			pos[key+k] = rg
		}
		for k, rec := range r.interp {
			recs[key+k] = rec
		}
		out[name] = r.svc
	}
	return out, recs, first
}

// extendsProblem is an extends that Compose would reject, at a line of the
// scanned file. A file that cannot be read is only a warning: it may be
// generated, or left out of what was scanned.
type extendsProblem struct {
	line    int
	msg     string
	warning bool
}

// fail records the first problem of the chain being resolved.
func (p *parser) fail(format string, args ...any) {
	if p.problem == "" {
		p.problem = fmt.Sprintf(format, args...)
	}
}

// unreadable records that an extends file could not be read, unless a
// problem came first.
func (p *parser) unreadable(format string, args ...any) {
	if p.problem == "" {
		p.fail(format, args...)
		p.warning = true
	}
}

// key is where service name's positions are in f.pos.
func (f *file) key(name string) string {
	if f.legacy {
		return document.Key(name)
	}
	return document.Key("services", name)
}

// label names a service in messages: web, or web (common.yml).
func (f *file) label(name string) string {
	if f.name == "" {
		return name
	}
	return name + " (" + f.name + ")"
}

// resolve returns service name of f; nil when it does not exist or its
// extends chain loops or is too long.
func (p *parser) resolve(f *file, name string, depth int) *resolved {
	if r, ok := f.memo[name]; ok {
		return r
	}
	if _, ok := f.svcs[name]; !ok {
		return nil
	}
	if f.active[name] {
		p.fail("extends goes round in a cycle (%s), which Compose rejects", strings.Join(append(p.chain, f.label(name)), " → "))
		return nil
	}
	if depth > maxExtends {
		p.fail("extends chain is longer than %d services (%s …)", maxExtends, strings.Join(p.chain[:3], " → "))
		return nil
	}
	if f.memo == nil {
		f.memo, f.active = map[string]*resolved{}, map[string]bool{}
	}
	f.active[name] = true
	p.chain = append(p.chain, f.label(name))
	defer func() {
		delete(f.active, name)
		p.chain = p.chain[:len(p.chain)-1]
	}()

	r := &resolved{pos: document.Positions{}, interp: map[string]*interp{}}
	if f.pos != nil {
		yamldoc.MirrorFrom(r.pos, f.pos, f.key(name), "")
	}
	raw, _ := f.svcs[name].(map[string]any)
	if f.legacy {
		raw = legacyService(raw, r.pos)
	}
	svc, _ := p.ip.tree(raw, "", "", r.interp).(map[string]any)
	n := &normalizer{pos: r.pos, interp: r.interp}
	r.svc = n.service(svc, "")
	base, refused := p.base(f, r.svc["extends"], name, depth)
	r.refused = refused
	if base != nil && r.refused == "" {
		r.refused = base.refused
	}
	if base != nil && !p.inherit(base) {
		base = nil
		if r.refused == "" {
			r.refused = fmt.Sprintf("service %s would inherit more than %d values through extends in this Compose file (the budget per file); it is checked without what it would inherit", f.label(name), maxInherited)
		}
	}
	if base != nil {
		at, ok := r.pos["/extends"]
		if !ok {
			at = r.pos[""]
		}
		merge(r, base, "", at)
	}
	f.memo[name] = r
	return r
}

// inherit charges what merging base copies to the file's budget; false
// when it does not fit.
func (p *parser) inherit(base *resolved) bool {
	n := countValues(base.svc, maxInherited-p.inherited+1)
	if p.inherited+n > maxInherited {
		return false
	}
	p.inherited += n
	return true
}

// countValues counts the values in v, stopping once past limit.
func countValues(v any, limit int) int {
	n := 1
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			if n > limit {
				break
			}
			n += countValues(e, limit-n)
		}
	case []any:
		for _, e := range x {
			if n > limit {
				break
			}
			n += countValues(e, limit-n)
		}
	}
	return n
}

// base resolves the service an extends value names: "svc", {service: svc}
// or {service: svc, file: other.yml}. The string is why a file of the
// chain was not read ("" when none was refused).
func (p *parser) base(f *file, ext any, self string, depth int) (*resolved, string) {
	var svc, other string
	switch x := ext.(type) {
	case string:
		svc = x
	case map[string]any:
		svc, _ = x["service"].(string)
		other, _ = x["file"].(string)
	case nil:
		return nil, "" // no extends
	default:
		p.fail("extends of service %s is neither a service name nor {service: NAME, file: PATH}", f.label(self))
		return nil, ""
	}
	if svc == "" {
		p.fail("extends of service %s names no service", f.label(self))
		return nil, ""
	}
	target := f
	if other != "" && p.opt.ReadFile == nil {
		return nil, "" // no directory (stdin): nothing beside the file to read
	}
	if other != "" {
		target = p.file(f.dir, other)
		if target != nil && target.refused != "" {
			return nil, fmt.Sprintf("service %s extends %q from %s, which was not read: %s; the service is checked without what it would inherit", f.label(self), svc, other, target.refused)
		}
		if target == nil {
			p.unreadable("service %s extends %q from %s, which cannot be read as a Compose file; the service is checked without what it would inherit", f.label(self), svc, other)
			return nil, ""
		}
	}
	if _, ok := target.svcs[svc]; !ok {
		where := ""
		if other != "" {
			where = " in " + other
		}
		p.fail("service %s extends %q, which is not a service%s", f.label(self), svc, where)
		return nil, ""
	}
	return p.resolve(target, svc, depth+1), ""
}

// file reads and caches a Compose file named by extends (other, relative
// to dir): by the path's spelling, and by the file's identity on disk when
// Identify tells it, so one file reached through several spellings is read
// and parsed once. A file refused is cached with why; one that cannot be
// read or parsed is nil.
func (p *parser) file(dir, other string) *file {
	if path.IsAbs(other) {
		// Compose would read it; a scan of this tree must not.
		return &file{name: other, refused: "an absolute path leads outside the scanned directory; only files inside it are read"}
	}
	rel := path.Join(dir, other)
	if f, ok := p.files[rel]; ok {
		return f
	}
	f := p.load(rel)
	p.files[rel] = f
	return f
}

func (p *parser) load(rel string) *file {
	var id document.FileID
	if p.opt.Identify != nil {
		var err error
		if id, err = p.opt.Identify(rel); err != nil {
			return failed(rel, err)
		}
		if f, ok := p.byID[id]; ok {
			return f
		}
	}
	f := p.decode(rel)
	if p.opt.Identify != nil && (f == nil || f.refused == "") {
		p.byID[id] = f
	}
	return f
}

// decode reads and parses an extends file.
func (p *parser) decode(rel string) *file {
	src, err := p.opt.ReadFile(rel)
	if err != nil {
		return failed(rel, err)
	}
	docs, err := yamldoc.Decode(rel, src, yamldoc.Options{})
	if err != nil || len(docs) == 0 {
		return nil
	}
	root, _ := docs[0].Value.(map[string]any)
	svcs, legacy := servicesOf(root)
	return &file{name: rel, dir: path.Dir(rel), svcs: svcs, legacy: legacy}
}

// failed is a file that could not be read: refused (with why), or nil.
func failed(rel string, err error) *file {
	if why, ok := refusal(err); ok {
		return &file{name: rel, refused: why}
	}
	return nil
}

// unionLists are merged by adding the base's items the service lacks;
// byTarget lists are merged by mount point (the service's entry wins).
var (
	unionLists = map[string]bool{
		"ports": true, "expose": true, "external_links": true, "dns": true, "dns_search": true,
		"tmpfs": true, "cap_add": true, "cap_drop": true, "security_opt": true, "env_file": true,
		"group_add": true, "links": true, "volumes_from": true, "extra_hosts": true,
		"dns_opt": true, "profiles": true, "configs": true, "secrets": true, "labels": true,
		"annotations": true, "device_cgroup_rules": true,
	}
	byTarget = map[string]bool{"volumes": true, "devices": true}
)

// merge adds to r what it inherits from base (extends), the way Compose
// merges: mappings deeply (the service's keys win), the lists above by union
// or mount point, everything else only when the service does not set it.
// Inherited nodes are placed at the extends key (at): the engine points a
// finding into the scanned file only.
func merge(r, base *resolved, key string, at document.Range) {
	mergeMap(r, base, r.svc, base.svc, key, at, key == "")
}

func mergeMap(r, base *resolved, dst, src map[string]any, key string, at document.Range, top bool) {
	for k, bv := range src {
		if top && k == "extends" {
			continue
		}
		sub := document.Join(key, k)
		lv, ok := dst[k]
		if !ok || lv == nil {
			dst[k] = bv
			inherit(r, base, sub, sub, bv, at)
			continue
		}
		lm, lok := lv.(map[string]any)
		bm, bok := bv.(map[string]any)
		if lok && bok {
			mergeMap(r, base, lm, bm, sub, at, false)
			continue
		}
		ll, lok := lv.([]any)
		bl, bok := bv.([]any)
		if !lok || !bok || !top || !(unionLists[k] || byTarget[k]) {
			continue
		}
		out := append([]any{}, ll...)
		for j, item := range bl {
			if present(ll, item, byTarget[k]) {
				continue
			}
			inherit(r, base, document.Join(sub, j), document.Join(sub, len(out)), item, at)
			out = append(out, item)
		}
		dst[k] = out
	}
}

// present reports whether item is already in list: equal, or for mounts the
// same target.
func present(list []any, item any, byTarget bool) bool {
	for _, x := range list {
		if reflect.DeepEqual(x, item) {
			return true
		}
		if byTarget {
			xm, _ := x.(map[string]any)
			im, _ := item.(map[string]any)
			if xm != nil && im != nil && xm["target"] != nil && xm["target"] == im["target"] {
				return true
			}
		}
	}
	return false
}

// inherit places the subtree v taken from base at from under key to at, and
// carries over the interpolation records below it.
func inherit(r, base *resolved, from, to string, v any, at document.Range) {
	setAll(r.pos, to, v, at)
	for k, rec := range base.interp {
		if k == from || strings.HasPrefix(k, from+"/") {
			r.interp[to+k[len(from):]] = rec
		}
	}
}

func setAll(pos document.Positions, key string, v any, at document.Range) {
	pos[key] = at
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			setAll(pos, document.Join(key, k), val, at)
		}
	case []any:
		for i, val := range x {
			setAll(pos, document.Join(key, i), val, at)
		}
	}
}

// pathOf turns an encoded key into a path into v (list indexes as numbers).
func pathOf(v any, key string) []any {
	out := []any{}
	for _, tok := range strings.Split(strings.TrimPrefix(key, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch x := v.(type) {
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return append(out, tok)
			}
			out = append(out, i)
			v = x[i]
		case map[string]any:
			out = append(out, tok)
			v = x[tok]
		default:
			out = append(out, tok)
			v = nil
		}
	}
	return out
}
