package compose

import (
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
}

// file is one Compose file's services: the scanned one, or one read for
// extends (then pos is nil: its lines are not in the scanned document).
type file struct {
	name   string // slash path relative to the scanned file's directory ("" for the scanned file)
	dir    string // its directory
	svcs   map[string]any
	pos    document.Positions // document positions ("/services/web/..."), or nil
	memo   map[string]*resolved
	active map[string]bool
}

// resolved is a service after interpolation, normalization and extends;
// pos and interp are keyed relative to the service.
type resolved struct {
	svc    map[string]any
	pos    document.Positions
	interp map[string]*interp
}

func newParser(opt Options) *parser {
	p := &parser{opt: opt, ip: &interpolator{env: map[string]string{}}, files: map[string]*file{}}
	if opt.ReadFile != nil {
		if b, err := opt.ReadFile(".env"); err == nil {
			p.ip.loadDotEnv(b)
		}
	}
	return p
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
		key := document.Key("services", name)
		if p.problem != "" {
			at, ok := f.pos[key+"/extends"]
			if !ok {
				at = f.pos[key]
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
		yamldoc.MirrorFrom(r.pos, f.pos, document.Key("services", name), "")
	}
	raw, _ := f.svcs[name].(map[string]any)
	svc, _ := p.ip.tree(raw, "", "", r.interp).(map[string]any)
	n := &normalizer{pos: r.pos, interp: r.interp}
	r.svc = n.service(svc, "")
	if base, ok := p.base(f, r.svc["extends"], name, depth); ok {
		at, ok := r.pos["/extends"]
		if !ok {
			at = r.pos[""]
		}
		merge(r, base, "", at)
	}
	f.memo[name] = r
	return r
}

// base resolves the service an extends value names: "svc", {service: svc}
// or {service: svc, file: other.yml}.
func (p *parser) base(f *file, ext any, self string, depth int) (*resolved, bool) {
	var svc, other string
	switch x := ext.(type) {
	case string:
		svc = x
	case map[string]any:
		svc, _ = x["service"].(string)
		other, _ = x["file"].(string)
	case nil:
		return nil, false // no extends
	default:
		p.fail("extends of service %s is neither a service name nor {service: NAME, file: PATH}", f.label(self))
		return nil, false
	}
	if svc == "" {
		p.fail("extends of service %s names no service", f.label(self))
		return nil, false
	}
	target := f
	if other != "" {
		rel := path.Join(f.dir, other)
		target = p.file(rel)
		if target == nil {
			// Without a directory (stdin) or outside the scanned tree
			// (an absolute path), the file was not looked for.
			if p.opt.ReadFile != nil && !path.IsAbs(rel) {
				p.unreadable("service %s extends %q from %s, which cannot be read as a Compose file; the service is checked without what it would inherit", f.label(self), svc, other)
			}
			return nil, false
		}
	}
	if _, ok := target.svcs[svc]; !ok {
		where := ""
		if other != "" {
			where = " in " + other
		}
		p.fail("service %s extends %q, which is not a service%s", f.label(self), svc, where)
		return nil, false
	}
	r := p.resolve(target, svc, depth+1)
	return r, r != nil
}

// file reads and caches a Compose file named by extends.
func (p *parser) file(rel string) *file {
	if f, ok := p.files[rel]; ok {
		return f
	}
	p.files[rel] = nil // a file that fails to load, or a cycle, resolves to nothing
	if p.opt.ReadFile == nil || path.IsAbs(rel) {
		return nil
	}
	src, err := p.opt.ReadFile(rel)
	if err != nil {
		return nil
	}
	docs, err := yamldoc.Decode(rel, src, yamldoc.Options{})
	if err != nil || len(docs) == 0 {
		return nil
	}
	root, _ := docs[0].Value.(map[string]any)
	svcs, _ := root["services"].(map[string]any)
	f := &file{name: rel, dir: path.Dir(rel), svcs: svcs}
	p.files[rel] = f
	return f
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
