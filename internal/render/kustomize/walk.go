package kustomize

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/render"
	"go.yaml.in/yaml/v3"
	"sigs.k8s.io/kustomize/api/types"
)

// patch is one strategic-merge patch document or one JSON6902 patch.
type patch struct {
	k      *kust
	file   string // scan-relative file holding the patch text
	off    int    // added to node lines (inline patches)
	inline bool
	smp    *yaml.Node // mapping node of a strategic-merge patch
	ops    []*yaml.Node
	target *types.Selector
	entry  *yaml.Node // the kustomization node that lists it
}

func (p *patch) loc(n *yaml.Node) render.Location {
	return render.Location{Path: p.file, Range: nodeRange(n, p.off, p.inline), Role: render.Patch}
}

// generator is one configMapGenerator or secretGenerator entry.
type generator struct {
	k    *kust
	kind string // ConfigMap or Secret
	name string
	node *yaml.Node // the entry
}

// walker walks the kustomization graph from the overlay being rendered.
type walker struct {
	rt       *confine.Root
	fs       *confinedFS
	problems []render.Problem
	order    []*kust          // post-order: bases before overlays
	byDir    map[string]*kust // visited
	// resFile is which kustomization entry listed each resource file.
	resFile map[string]render.Location
	// under[k] is every resource file and kustomization reached from k.
	under map[*kust]map[string]bool
	// users[c] are the kustomizations that list component c.
	users map[*kust][]*kust
	// gen are the resources rendered from helmCharts charts found in the
	// tree, by in-memory file (helmcharts.go), with the Helm renderer's
	// problems and inputs.
	gen          map[string]*genRes
	helmProblems []render.Problem
	helmInputs   []string
	injected     []*helmChart
}

// applies says whether k's patches and transformers act on what owner
// (a resource file or a kustomization directory) produced: k reaches it,
// or k is a component of a kustomization that does.
func (w *walker) applies(k *kust, owner string) bool {
	if k.dir == owner || w.under[k][owner] {
		return true
	}
	if k.kind == "Component" {
		for _, u := range w.users[k] {
			if w.applies(u, owner) {
				return true
			}
		}
	}
	return false
}

func (w *walker) problem(k *kust, n *yaml.Node, msg string) {
	w.problems = append(w.problems, render.Problem{Location: k.loc(n, render.Kustomization), Rule: RuleSkipped, Msg: msg})
}

// visit loads the kustomization in dir and everything it names.
func (w *walker) visit(dir string, depth int) (*kust, error) {
	if k, ok := w.byDir[dir]; ok {
		return k, nil
	}
	file, ok := findKust(w.rt, dir)
	if !ok {
		return nil, fmt.Errorf("%s: no kustomization.yaml, kustomization.yml or Kustomization", dir)
	}
	k, err := parseKust(w.fs.readRel, dir, file)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	w.byDir[dir] = k
	reach := map[string]bool{}
	w.under[k] = reach
	if depth > 64 {
		return k, fmt.Errorf("%s: kustomizations nested over 64 deep", file)
	}

	for _, field := range []string{"resources", "bases", "components"} {
		seq := get(k.root, field)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		keep := seq.Content[:0:0]
		for _, it := range seq.Content {
			if it.Kind != yaml.ScalarNode {
				keep = append(keep, it)
				continue
			}
			s := it.Value
			if isRemote(w.rt, dir, s) {
				w.problem(k, it, fmt.Sprintf("remote %s %q not rendered: shiplint never fetches from the network; the overlay is rendered without it", strings.TrimSuffix(field, "s"), s))
				k.changed = true
				continue
			}
			p := path.Join(dir, s)
			if p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(s) {
				w.problem(k, it, fmt.Sprintf("%s %q not read: it leads out of the scanned directory; only files inside it are read", strings.TrimSuffix(field, "s"), s))
				k.changed = true
				continue
			}
			_, cerr := w.rt.Check(p)
			switch {
			case confine.IsDir(cerr):
				sub, err := w.visit(p, depth+1)
				if err != nil {
					w.problem(k, it, fmt.Sprintf("%s %q not rendered: %v", strings.TrimSuffix(field, "s"), s, err))
					k.changed = true
					continue
				}
				k.dirs = append(k.dirs, entry{p, it})
				if field == "components" {
					w.users[sub] = append(w.users[sub], k)
				}
				reach[p] = true
				for f := range w.under[sub] {
					reach[f] = true
				}
			case cerr == nil:
				if _, err := w.fs.readRel(p); err != nil {
					w.problem(k, it, fmt.Sprintf("%s %q not read: %s; the overlay is rendered without it", strings.TrimSuffix(field, "s"), s, why(err)))
					k.changed = true
					continue
				}
				k.files = append(k.files, entry{p, it})
				reach[p] = true
				if _, ok := w.resFile[p]; !ok {
					w.resFile[p] = k.loc(it, render.Kustomization)
				}
			default:
				w.problem(k, it, fmt.Sprintf("%s %q not read: %s", strings.TrimSuffix(field, "s"), s, why(cerr)))
				k.changed = true
				continue
			}
			keep = append(keep, it)
		}
		seq.Content = keep
	}

	for _, field := range []string{"helmCharts", "helmChartInflationGenerator", "helmGlobals"} {
		v := get(k.root, field)
		if v == nil {
			continue
		}
		if field == "helmCharts" {
			w.helmCharts(k)
		} else if v.Kind == yaml.SequenceNode {
			for _, it := range v.Content {
				name := ""
				if n := get(it, "name"); n != nil {
					name = fmt.Sprintf(" %q", n.Value)
				} else if n := get(it, "chartName"); n != nil {
					name = fmt.Sprintf(" %q", n.Value)
				}
				w.problems = append(w.problems, render.Problem{Location: k.loc(it, render.Kustomization), Rule: RuleSkipped,
					Msg: fmt.Sprintf("%s entry%s not rendered yet: Helm charts inside kustomizations are not inflated yet; the overlay is rendered without it", field, name)})
			}
		}
		del(k.root, field)
		k.changed = true
	}
	for _, field := range []string{"generators", "transformers", "validators"} {
		w.plugins(k, field)
	}
	w.dropURLs(k)
	w.collectPatches(k)
	w.collectGenerators(k)
	w.order = append(w.order, k)
	return k, nil
}

func why(err error) string {
	if e, ok := err.(*confine.Error); ok {
		return e.Why()
	}
	return err.Error()
}

// builtinKinds are the transformer and generator configs kustomize runs
// in process; anything else is a plugin, exec or container function.
var builtinKinds = map[string]bool{
	"AnnotationsTransformer": true, "ConfigMapGenerator": true, "IAMPolicyGenerator": true,
	"HashTransformer": true, "ImageTagTransformer": true, "LabelTransformer": true,
	"NamespaceTransformer": true, "PatchJson6902Transformer": true, "PatchStrategicMergeTransformer": true,
	"PatchTransformer": true, "PrefixSuffixTransformer": true, "PrefixTransformer": true,
	"SuffixTransformer": true, "ReplacementTransformer": true, "ReplicaCountTransformer": true,
	"SecretGenerator": true, "ValueAddTransformer": true, "SortOrderTransformer": true,
}

// plugins drops generator, transformer and validator entries that would
// run code (Go or exec plugins, KRM functions) or that name a chart.
func (w *walker) plugins(k *kust, field string) {
	seq := get(k.root, field)
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return
	}
	keep := seq.Content[:0:0]
	for _, it := range seq.Content {
		var text []byte
		var where string
		if it.Kind == yaml.ScalarNode && !strings.Contains(it.Value, "\n") {
			p := path.Join(k.dir, it.Value)
			if _, err := w.rt.Check(p); confine.IsDir(err) {
				keep = append(keep, it) // a kustomization of configs; kustomize checks each
				continue
			}
			b, err := w.fs.readRel(p)
			if err != nil {
				w.problem(k, it, fmt.Sprintf("%s entry %q not read: %s", field, it.Value, why(err)))
				k.changed = true
				continue
			}
			text, where = b, fmt.Sprintf("%q", it.Value)
		} else {
			text, where = []byte(it.Value), "inline"
		}
		bad := ""
		if hasURLPath(docs(text)) {
			w.problem(k, it, fmt.Sprintf("%s entry %s not run: it loads a file from a URL, and shiplint never fetches from the network", field, where))
			k.changed = true
			continue
		}
		for _, d := range docs(text) {
			kind, api := "", ""
			if v := get(d, "kind"); v != nil {
				kind = v.Value
			}
			if v := get(d, "apiVersion"); v != nil {
				api = v.Value
			}
			fn := get(get(get(d, "metadata"), "annotations"), "config.kubernetes.io/function")
			if fn != nil || get(d, "spec") != nil && kind == "" || !builtinKinds[kind] || (api != "builtin" && !strings.HasPrefix(api, "builtin")) {
				bad = kind
				if bad == "" {
					bad = "a config without kind"
				}
				break
			}
		}
		if bad != "" {
			w.problem(k, it, fmt.Sprintf("%s entry %s (%s) not run: plugins, exec and container KRM functions are never run; the overlay is rendered without it", field, where, bad))
			k.changed = true
			continue
		}
		keep = append(keep, it)
	}
	seq.Content = keep
}

// docs parses a YAML stream into its top-level mapping nodes.
func docs(b []byte) []*yaml.Node {
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	var out []*yaml.Node
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			return out
		}
		if len(n.Content) == 1 {
			out = append(out, n.Content[0])
		}
	}
}

// collectPatches records the patches of k in the order kustomize applies
// them: patchesStrategicMerge, patches, patchesJson6902.
func (w *walker) collectPatches(k *kust) {
	if seq := get(k.root, "patchesStrategicMerge"); seq != nil && seq.Kind == yaml.SequenceNode {
		keep := seq.Content[:0:0]
		for _, it := range seq.Content {
			if it.Kind == yaml.ScalarNode && (strings.Contains(it.Value, "\n") || strings.Contains(it.Value, ":") && !strings.HasSuffix(it.Value, ".yaml") && !strings.HasSuffix(it.Value, ".yml")) {
				w.addPatch(k, it, nil, []byte(it.Value), k.file, it, true)
			} else if it.Kind == yaml.ScalarNode && !w.filePatch(k, it, nil, it.Value, it) {
				continue
			}
			keep = append(keep, it)
		}
		seq.Content = keep
	}
	for _, field := range []string{"patches", "patchesJson6902"} {
		seq := get(k.root, field)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		keep := seq.Content[:0:0]
		for _, it := range seq.Content {
			if it.Kind != yaml.MappingNode {
				keep = append(keep, it)
				continue
			}
			var sel *types.Selector
			if t := get(it, "target"); t != nil {
				var s types.Selector
				if err := t.Decode(&s); err == nil {
					sel = &s
				}
			}
			if p := get(it, "path"); p != nil {
				if !w.filePatch(k, p, sel, p.Value, it) {
					continue
				}
			} else if p := get(it, "patch"); p != nil {
				w.addPatch(k, p, sel, []byte(p.Value), k.file, it, true)
			}
			keep = append(keep, it)
		}
		seq.Content = keep
	}
}

// filePatch reads a patch file; false (with a problem, and the entry to
// be left out) when it cannot be read.
func (w *walker) filePatch(k *kust, n *yaml.Node, sel *types.Selector, name string, ent *yaml.Node) bool {
	p := path.Join(k.dir, name)
	b, err := w.fs.readRel(p)
	if err != nil {
		w.problem(k, n, fmt.Sprintf("patch %q not read: %s; the overlay is rendered without it", name, why(err)))
		k.changed = true
		return false
	}
	w.addPatch(k, nil, sel, b, p, ent, false)
	return true
}

// addPatch parses patch text: a sequence is a JSON6902 patch, each
// mapping document a strategic-merge patch. scalar is the inline patch's
// node in the kustomization (nil for a file).
func (w *walker) addPatch(k *kust, scalar *yaml.Node, sel *types.Selector, text []byte, file string, ent *yaml.Node, inline bool) {
	off := 0
	if scalar != nil {
		// A block scalar's text starts on the line after its indicator.
		off = scalar.Line
		if scalar.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
			off = scalar.Line - 1
		}
	}
	for _, d := range docs(text) {
		p := &patch{k: k, file: file, off: off, inline: inline, target: sel, entry: ent}
		switch d.Kind {
		case yaml.SequenceNode:
			p.ops = d.Content
		case yaml.MappingNode:
			p.smp = d
		default:
			continue
		}
		k.patches = append(k.patches, p)
	}
}

func (w *walker) collectGenerators(k *kust) {
	for _, g := range []struct{ field, kind string }{{"configMapGenerator", "ConfigMap"}, {"secretGenerator", "Secret"}} {
		seq := get(k.root, g.field)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range seq.Content {
			name := ""
			if v := get(it, "name"); v != nil {
				name = v.Value
			}
			k.gens = append(k.gens, &generator{k: k, kind: g.kind, name: name, node: it})
		}
	}
}

// isURL says whether kustomize would fetch s over HTTP instead of reading
// a file (its loader's own test).
func isURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https")
}

// hasURLPath finds a path: field holding a URL in builtin plugin configs.
func hasURLPath(ds []*yaml.Node) bool {
	var found bool
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if v := n.Content[i+1]; n.Content[i].Value == "path" && v.Kind == yaml.ScalarNode && isURL(v.Value) {
					found = true
				}
				walk(n.Content[i+1])
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		}
	}
	for _, d := range ds {
		walk(d)
	}
	return found
}

// dropURLs removes every entry that kustomize would load over HTTP: patch
// files, configurations, CRDs, the OpenAPI schema, replacement files and
// generator sources given as URLs.
func (w *walker) dropURLs(k *kust) {
	drop := func(field string, it *yaml.Node, s string) {
		w.problem(k, it, fmt.Sprintf("%s entry %q not read: it is a URL, and shiplint never fetches from the network; the overlay is rendered without it", field, s))
		k.changed = true
	}
	filter := func(seq *yaml.Node, field string, value func(*yaml.Node) *yaml.Node) {
		if seq == nil || seq.Kind != yaml.SequenceNode {
			return
		}
		keep := seq.Content[:0:0]
		for _, it := range seq.Content {
			if v := value(it); v != nil && v.Kind == yaml.ScalarNode && isURL(v.Value) {
				drop(field, v, v.Value)
				continue
			}
			keep = append(keep, it)
		}
		seq.Content = keep
	}
	self := func(n *yaml.Node) *yaml.Node { return n }
	pathOf := func(n *yaml.Node) *yaml.Node { return get(n, "path") }
	for _, f := range []string{"patchesStrategicMerge", "configurations", "crds"} {
		filter(get(k.root, f), f, self)
	}
	for _, f := range []string{"patches", "patchesJson6902", "replacements"} {
		filter(get(k.root, f), f, pathOf)
	}
	if o := get(k.root, "openapi"); o != nil {
		if v := get(o, "path"); v != nil && isURL(v.Value) {
			drop("openapi", v, v.Value)
			del(k.root, "openapi")
		}
	}
	for _, f := range []string{"configMapGenerator", "secretGenerator"} {
		seq := get(k.root, f)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range seq.Content {
			filter(get(it, "files"), f, func(n *yaml.Node) *yaml.Node {
				if _, v, ok := strings.Cut(n.Value, "="); ok && isURL(v) {
					return &yaml.Node{Kind: yaml.ScalarNode, Value: v, Line: n.Line, Column: n.Column}
				}
				return n
			})
			filter(get(it, "envs"), f, self)
			if v := get(it, "env"); v != nil && isURL(v.Value) {
				drop(f, v, v.Value)
				del(it, "env")
			}
		}
	}
}
