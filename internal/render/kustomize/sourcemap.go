package kustomize

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/render"
	"go.yaml.in/yaml/v3"
	"sigs.k8s.io/kustomize/api/resmap"
	"sigs.k8s.io/kustomize/api/resource"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/resid"
)

// mapper computes the source map of each rendered resource.
type mapper struct {
	w       *walker
	top     *kust
	m       resmap.ResMap
	origins []*resource.Origin
	files   map[string][]*yaml.Node // parsed base files
}

// mergeKeys identify an item of a list of objects across base, patches
// and output (strategic merge's keys): containers and env by name, volume
// mounts by path, ports by number.
var mergeKeys = []string{"name", "mountPath", "devicePath", "containerPort", "port", "ip", "topologyKey"}

// itemKey is the semantic path element of a list item: "[name=app]" for an
// object with a merge key, its index otherwise.
func itemKey(it *yaml.Node, i int) string {
	if it.Kind == yaml.MappingNode {
		for _, k := range mergeKeys {
			if v := get(it, k); v != nil && v.Kind == yaml.ScalarNode {
				return "/[" + k + "=" + v.Value + "]"
			}
		}
	}
	return "/" + strconv.Itoa(i)
}

func mergeKeyField(sem string) bool {
	i := strings.LastIndexByte(sem, '/')
	if i < 0 {
		return false
	}
	field := sem[i+1:]
	parent := sem[:i]
	j := strings.LastIndexByte(parent, '/')
	return j >= 0 && strings.HasPrefix(parent[j+1:], "["+field+"=")
}

// mark is one node of a source document by semantic path.
type mark struct {
	line *yaml.Node // the node whose line to report (a map entry's key)
	val  *yaml.Node
	// strong: the node sets a value (a scalar, a list of scalars); a weak
	// one (an object, a merge key) only locates a node the base lacks.
	strong bool
}

// index walks n and records every node by semantic path.
func index(n *yaml.Node, sem string, line *yaml.Node, out map[string]mark) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	strong := n.Kind == yaml.ScalarNode
	if n.Kind == yaml.SequenceNode {
		strong = true
		for _, it := range n.Content {
			if it.Kind != yaml.ScalarNode {
				strong = false
			}
		}
	}
	out[sem] = mark{line: line, val: n, strong: strong && !mergeKeyField(sem)}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if strings.HasPrefix(k.Value, "$") {
				continue
			}
			index(n.Content[i+1], sem+document.Key(k.Value), k, out)
		}
	case yaml.SequenceNode:
		for i, it := range n.Content {
			if it.Kind == yaml.MappingNode && get(it, "$patch") != nil && len(it.Content) == 2 {
				continue
			}
			index(it, sem+itemKey(it, i), it, out)
		}
	}
}

// source is one place nodes come from, with its semantic index.
type source struct {
	marks map[string]mark
	loc   func(*yaml.Node) render.Chain
	entry *render.Location // the kustomization line that listed it
}

func (mp *mapper) baseDoc(file string, kind, name string) *yaml.Node {
	ds, ok := mp.files[file]
	if !ok {
		b, err := mp.w.fs.readRel(file)
		if err == nil {
			ds = docs(b)
		}
		mp.files[file] = ds
	}
	// Prefixes, suffixes and hashes only add to a name: the base document
	// is the one of that kind whose name is the longest part of it.
	var best, only *yaml.Node
	n := 0
	for _, d := range ds {
		if d.Kind != yaml.MappingNode {
			continue
		}
		n++
		only = d
		k, nm := get(d, "kind"), get(get(d, "metadata"), "name")
		if k == nil || nm == nil || k.Value != kind || !strings.Contains(name, nm.Value) {
			continue
		}
		if best == nil || len(nm.Value) > len(get(get(best, "metadata"), "name").Value) {
			best = d
		}
	}
	if best != nil {
		return best
	}
	if n == 1 {
		return only
	}
	return nil
}

// selects reports whether patch p applies to resource r, whose name and
// namespace in the base were orgName and orgNS (kustomize's own record of
// the original id is gone once the build is done).
func (mp *mapper) selects(p *patch, r *resource.Resource, orgName, orgNS string) bool {
	var s types.Selector
	switch {
	case p.target != nil:
		s = *p.target
	case p.smp != nil:
		api, kind, name, ns := "", "", "", ""
		if v := get(p.smp, "apiVersion"); v != nil {
			api = v.Value
		}
		if v := get(p.smp, "kind"); v != nil {
			kind = v.Value
		}
		md := get(p.smp, "metadata")
		if v := get(md, "name"); v != nil {
			name = regexp.QuoteMeta(v.Value)
		}
		if v := get(md, "namespace"); v != nil {
			ns = regexp.QuoteMeta(v.Value)
		}
		g, v, _ := strings.Cut(api, "/")
		if v == "" {
			g, v = "", g
		}
		s = types.Selector{ResId: resid.ResId{Gvk: resid.Gvk{Group: g, Version: v, Kind: kind}, Name: name, Namespace: ns}}
	default:
		return false
	}
	sr, err := types.NewSelectorRegex(&s)
	if err != nil {
		return false
	}
	if !sr.MatchGvk(r.GetGvk()) {
		return false
	}
	if !sr.MatchName(orgName) && !sr.MatchName(r.GetName()) {
		return false
	}
	if !sr.MatchNamespace(orgNS) && !sr.MatchNamespace(r.GetNamespace()) {
		return false
	}
	if ok, err := r.MatchesLabelSelector(s.LabelSelector); err != nil || !ok {
		return false
	}
	if ok, err := r.MatchesAnnotationSelector(s.AnnotationSelector); err != nil || !ok {
		return false
	}
	return true
}

// opMarks indexes a JSON6902 patch's add and replace operations by the
// semantic path they write in the output object.
func opMarks(p *patch, out *yaml.Node) map[string]mark {
	marks := map[string]mark{}
	for _, op := range p.ops {
		o, pth, val := get(op, "op"), get(op, "path"), get(op, "value")
		if o == nil || pth == nil {
			continue
		}
		sem, ok := pointerSem(out, pth.Value)
		if !ok {
			continue
		}
		switch o.Value {
		case "add", "replace":
			if val == nil {
				continue
			}
			sub := map[string]mark{}
			index(val, sem, getKey(op, "value"), sub)
			for k, mk := range sub {
				mk.strong = true
				marks[k] = mk
			}
		case "copy", "move":
			marks[sem] = mark{line: op, val: op, strong: true}
		}
	}
	return marks
}

// pointerSem converts a JSON pointer into the semantic path of the node it
// names in the output object (list indexes become merge keys there).
func pointerSem(out *yaml.Node, ptr string) (string, bool) {
	if ptr == "" || ptr == "/" {
		return "", true
	}
	if !strings.HasPrefix(ptr, "/") {
		return "", false
	}
	sem := ""
	n := out
	for _, raw := range strings.Split(ptr[1:], "/") {
		seg := strings.ReplaceAll(strings.ReplaceAll(raw, "~1", "/"), "~0", "~")
		switch {
		case n != nil && n.Kind == yaml.SequenceNode:
			i, err := strconv.Atoi(seg)
			if seg == "-" {
				i, err = len(n.Content)-1, nil
			}
			if err != nil || i < 0 || i >= len(n.Content) {
				return "", false
			}
			n = n.Content[i]
			sem += itemKey(n, i)
		default:
			sem += document.Key(seg)
			n = get(n, seg)
		}
	}
	return sem, true
}

// mapResource builds the Resource with its source map.
func (mp *mapper) mapResource(r *resource.Resource, o *resource.Origin, text []byte) render.Resource {
	out := render.Resource{Text: text, Paths: map[string]render.Chain{}}
	var doc yaml.Node
	if yaml.Unmarshal(text, &doc) != nil || len(doc.Content) != 1 {
		return out
	}
	root := doc.Content[0]
	out.Lines = make([]render.Chain, strings.Count(string(text), "\n")+1)

	// Where the object came from: a file of a kustomization, or a
	// generator of one.
	var base *source
	var gen *generator
	var owner string // scan-relative file or kustomization dir it belongs to
	kind, orgName, orgNS := r.GetKind(), r.GetName(), r.GetNamespace()
	if o != nil && o.ConfiguredBy.Kind != "" {
		gdir := path.Dir(path.Join(mp.top.dir, o.ConfiguredIn))
		if k := mp.w.byDir[gdir]; k != nil {
			for _, g := range k.gens {
				if g.kind == kind && strings.Contains(orgName, g.name) && (gen == nil || len(g.name) > len(gen.name)) {
					gen = g
				}
			}
			owner = gdir
			if gen != nil {
				orgName = gen.name
			}
		}
	} else if o != nil && o.Path != "" {
		file := path.Join(mp.top.dir, o.Path)
		owner = file
		if d := mp.baseDoc(file, kind, orgName); d != nil {
			md := get(d, "metadata")
			if v := get(md, "name"); v != nil {
				orgName = v.Value
			}
			orgNS = ""
			if v := get(md, "namespace"); v != nil {
				orgNS = v.Value
			}
			base = &source{marks: map[string]mark{}, loc: func(n *yaml.Node) render.Chain {
				return render.Chain{{Path: file, Range: nodeRange(n, 0, false), Role: render.Base}}
			}}
			if g := mp.w.gen[file]; g != nil {
				// A resource rendered from a helmCharts chart: its
				// nodes come from the chart's templates and values.
				hm := helmChains(g, d)
				base.loc = func(n *yaml.Node) render.Chain { return hm[n] }
			}
			index(d, "", d, base.marks)
			if l, ok := mp.w.resFile[file]; ok {
				base.entry = &l
			}
		}
	}

	// The overlay's own entry that pulled the object in (its base
	// directory's line), when the object came from further down.
	var via *render.Location
	for _, e := range mp.top.dirs {
		if sub := mp.w.byDir[e.target]; sub != nil && (e.target == owner || mp.w.under[sub][owner]) {
			l := mp.top.loc(e.node, render.Kustomization)
			via = &l
			break
		}
	}

	// The patches that apply, in the order kustomize applied them.
	var pats []*patch
	var kusts []*kust
	for _, k := range mp.w.order {
		if owner == "" || !mp.w.applies(k, owner) {
			continue
		}
		kusts = append(kusts, k)
		for _, p := range k.patches {
			if mp.selects(p, r, orgName, orgNS) {
				pats = append(pats, p)
			}
		}
	}
	pmarks := make([]map[string]mark, len(pats))
	for i, p := range pats {
		if p.smp != nil {
			pmarks[i] = map[string]mark{}
			index(p.smp, "", p.smp, pmarks[i])
			for _, k := range []string{"", "/apiVersion", "/kind", "/metadata", "/metadata/name", "/metadata/namespace"} {
				delete(pmarks[i], k)
			}
		} else {
			pmarks[i] = opMarks(p, root)
		}
	}

	chainFor := func(sem string, n *yaml.Node, parent render.Chain) render.Chain {
		var c render.Chain
		var bm mark
		hasBase := false
		if base != nil {
			bm, hasBase = base.marks[sem]
		}
		pick := -1
		for i := len(pats) - 1; i >= 0; i-- {
			if mk, ok := pmarks[i][sem]; ok && (mk.strong || !hasBase) {
				if mk.strong {
					pick = i
					break
				}
				if pick < 0 {
					pick = i
				}
			}
		}
		switch {
		case pick >= 0:
			c = append(c, pats[pick].loc(pmarks[pick][sem].line))
			if hasBase {
				c = append(c, base.loc(bm.line)...)
			}
		case hasBase:
			if t, ok := mp.transformer(kusts, sem, n, bm.val); ok {
				c = append(append(c, t), base.loc(bm.line)...)
			} else {
				c = append(c, base.loc(bm.line)...)
			}
		case gen != nil:
			c = append(c, gen.loc(sem))
		default:
			if t, ok := mp.transformer(kusts, sem, n, nil); ok {
				c = append(c, t)
			} else if len(parent) > 0 {
				return parent
			} else {
				c = append(c, mp.top.loc(mp.top.root, render.Kustomization))
				c[0].Range = line1()
			}
		}
		if base != nil && base.entry != nil {
			c = append(c, *base.entry)
		}
		if via != nil {
			c = append(c, *via)
		}
		return c
	}

	var walk func(n, line *yaml.Node, raw []any, sem string, parent render.Chain)
	walk = func(n, line *yaml.Node, raw []any, sem string, parent render.Chain) {
		c := chainFor(sem, n, parent)
		out.Paths[document.Key(raw...)] = c
		if l := line.Line - 1; l >= 0 && l < len(out.Lines) && out.Lines[l] == nil {
			out.Lines[l] = c
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				walk(n.Content[i+1], k, append(raw[:len(raw):len(raw)], k.Value), sem+document.Key(k.Value), c)
			}
		case yaml.SequenceNode:
			for i, it := range n.Content {
				walk(it, it, append(raw[:len(raw):len(raw)], i), sem+itemKey(it, i), c)
			}
		}
	}
	walk(root, root, nil, "", nil)
	// A line no node starts on (a block scalar's body) belongs to the node
	// above it.
	for i := 1; i < len(out.Lines); i++ {
		if out.Lines[i] == nil {
			out.Lines[i] = out.Lines[i-1]
		}
	}
	if n := len(out.Lines); n > 0 && strings.HasSuffix(string(text), "\n") {
		out.Lines = out.Lines[:n-1]
	}
	return out
}

// loc is the generator line for a node of a generated object: the literal,
// file or env entry that made a data key, else the generator's entry.
func (g *generator) loc(sem string) render.Location {
	if strings.HasPrefix(sem, "/data/") || strings.HasPrefix(sem, "/stringData/") {
		key := sem[strings.LastIndexByte(sem, '/')+1:]
		if lit := get(g.node, "literals"); lit != nil {
			for _, it := range lit.Content {
				if k, _, _ := strings.Cut(it.Value, "="); k == key {
					return g.k.loc(it, render.Generator)
				}
			}
		}
		if fs := get(g.node, "files"); fs != nil {
			for _, it := range fs.Content {
				k, _, ok := strings.Cut(it.Value, "=")
				if !ok {
					k = path.Base(it.Value)
				}
				if k == key {
					return g.k.loc(it, render.Generator)
				}
			}
		}
		if es := get(g.node, "envs"); es != nil && len(es.Content) > 0 {
			return g.k.loc(es.Content[0], render.Generator)
		}
	}
	return g.k.loc(g.node, render.Generator)
}

// transformer finds the kustomization field that changed or added a node
// no patch set: images, namespace, name prefix or suffix, labels,
// annotations, replicas. before is the base's node, nil when the base
// lacks it.
func (mp *mapper) transformer(kusts []*kust, sem string, n, before *yaml.Node) (render.Location, bool) {
	changed := before == nil || (n.Kind == yaml.ScalarNode && before.Kind == yaml.ScalarNode && n.Value != before.Value)
	if !changed {
		return render.Location{}, false
	}
	last := sem[strings.LastIndexByte(sem, '/')+1:]
	for i := len(kusts) - 1; i >= 0; i-- {
		k := kusts[i]
		switch {
		case sem == "/metadata/namespace":
			if v := getKey(k.root, "namespace"); v != nil {
				return k.loc(v, render.Kustomization), true
			}
		case sem == "/metadata/name":
			for _, f := range []string{"namePrefix", "nameSuffix"} {
				if v := getKey(k.root, f); v != nil {
					return k.loc(v, render.Kustomization), true
				}
			}
		case last == "image" && n.Kind == yaml.ScalarNode:
			if imgs := get(k.root, "images"); imgs != nil {
				for _, it := range imgs.Content {
					name := get(it, "name")
					if name != nil && imageName(n.Value) == name.Value || name != nil && before != nil && imageName(before.Value) == name.Value {
						return k.loc(it, render.Kustomization), true
					}
				}
			}
		case sem == "/spec/replicas":
			if rs := get(k.root, "replicas"); rs != nil {
				for _, it := range rs.Content {
					return k.loc(it, render.Kustomization), true
				}
			}
		case last == "labels" || last == "matchLabels" || sem == "/spec/selector":
			// A label map the base lacks: the kustomization's label field.
			if v := getKey(k.root, "commonLabels"); v != nil {
				return k.loc(v, render.Kustomization), true
			}
			if ls := get(k.root, "labels"); ls != nil && len(ls.Content) > 0 {
				return k.loc(ls.Content[0], render.Kustomization), true
			}
		case strings.Contains(sem, "/labels/") || strings.Contains(sem, "/matchLabels/") || strings.HasPrefix(sem, "/spec/selector/"):
			if v := get(k.root, "commonLabels"); v != nil {
				if kn := getKey(v, unescape(last)); kn != nil {
					return k.loc(kn, render.Kustomization), true
				}
			}
			if ls := get(k.root, "labels"); ls != nil {
				for _, it := range ls.Content {
					if kn := getKey(get(it, "pairs"), unescape(last)); kn != nil {
						return k.loc(kn, render.Kustomization), true
					}
				}
			}
		case last == "annotations":
			if v := getKey(k.root, "commonAnnotations"); v != nil {
				return k.loc(v, render.Kustomization), true
			}
		case strings.Contains(sem, "/annotations/"):
			if v := get(k.root, "commonAnnotations"); v != nil {
				if kn := getKey(v, unescape(last)); kn != nil {
					return k.loc(kn, render.Kustomization), true
				}
			}
		}
	}
	return render.Location{}, false
}

func unescape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// imageName is an image reference without its tag or digest.
func imageName(s string) string {
	if i := strings.IndexByte(s, '@'); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, ':'); i > strings.LastIndexByte(s, '/') {
		s = s[:i]
	}
	return s
}
