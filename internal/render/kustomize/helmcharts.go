package kustomize

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/render"
	"github.com/shiplint/shiplint/internal/render/helm"
	"go.yaml.in/yaml/v3"
)

// helmChart is a helmCharts entry whose chart is in the tree: it is
// rendered by our Helm renderer (internal/render/helm), not by kustomize
// (which would run the helm binary and may pull the chart).
type helmChart struct {
	k     *kust
	entry *yaml.Node // the helmCharts item
	name  string
	dir   string // scan-relative chart directory
	opts  helm.Options
	err   string // set: not rendered, why
	// ind is how far valuesInline was moved left (inlineValues): added
	// back to the columns of locations in the kustomization.
	ind int
}

// helmCharts takes k's helmCharts entries: those whose chart is found in
// the tree (kustomize's layout under helmGlobals.chartHome, default
// "charts": <name>, <name>-<version>/<name> or <name>-<version>) are kept
// for rendering by our Helm renderer; the others are render-skipped
// problems. The field is removed from the in-memory kustomization either
// way (kustomize would run helm).
func (w *walker) helmCharts(k *kust) {
	home := "charts"
	if g := get(k.root, "helmGlobals"); g != nil {
		if h := get(g, "chartHome"); h != nil && h.Value != "" {
			home = h.Value
		}
	}
	seq := get(k.root, "helmCharts")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return
	}
	for idx, it := range seq.Content {
		name := ""
		if n := get(it, "name"); n != nil {
			name = n.Value
		}
		dir, ok := w.chartDir(k, home, it, name)
		if !ok {
			w.problems = append(w.problems, render.Problem{Location: k.loc(it, render.Kustomization), Rule: RuleSkipped,
				Msg: fmt.Sprintf("helmCharts entry %q not rendered: its chart is not in the scanned tree (looked in %s), and shiplint never fetches from the network; the overlay is rendered without it", name, path.Join(k.dir, home))})
			continue
		}
		hc := &helmChart{k: k, entry: it, name: name, dir: dir}
		hc.opts.ReleaseName = scalar(it, "releaseName")
		hc.opts.Namespace = scalar(it, "namespace")
		hc.opts.KubeVersion = scalar(it, "kubeVersion")
		if av := get(it, "apiVersions"); av != nil && av.Kind == yaml.SequenceNode {
			for _, v := range av.Content {
				hc.opts.APIVersions = append(hc.opts.APIVersions, v.Value)
			}
		}
		var file []helm.ValuesFile
		if vf := get(it, "valuesFile"); vf != nil && vf.Value != "" {
			p := path.Join(k.dir, vf.Value)
			if isURL(vf.Value) || path.IsAbs(vf.Value) || p == ".." || strings.HasPrefix(p, "../") {
				hc.err = fmt.Sprintf("its valuesFile %q is not a file inside the scanned tree", vf.Value)
			} else if b, err := w.fs.readRel(p); err != nil {
				hc.err = fmt.Sprintf("its valuesFile %q was not read: %s", vf.Value, why(err))
			} else {
				file = append(file, helm.ValuesFile{Path: p, Data: b})
			}
		}
		var inline []helm.ValuesFile
		if vi := get(it, "valuesInline"); vi != nil && vi.Kind == yaml.MappingNode && len(vi.Content) > 0 {
			if raw, err := w.fs.readRel(k.file); err == nil {
				inline = append(inline, helm.ValuesFile{Path: k.file, Data: inlineValues(raw, vi)})
				hc.ind = vi.Column - 1
			}
		}
		switch scalar(it, "valuesMerge") {
		case "merge": // the inline values only fill what the file leaves unset
			hc.opts.Values = append(inline, file...)
		case "replace": // the inline values instead of the file
			hc.opts.Values = inline
		default: // "override"
			hc.opts.Values = append(file, inline...)
		}
		if hc.err != "" {
			w.problems = append(w.problems, render.Problem{Location: k.loc(it, render.Kustomization), Rule: RuleSkipped,
				Msg: fmt.Sprintf("helmCharts entry %q not rendered: %s; the overlay is rendered without it", name, hc.err)})
			continue
		}
		w.inject(hc, idx)
	}
}

// chartDir finds the entry's chart in the tree.
func (w *walker) chartDir(k *kust, home string, it *yaml.Node, name string) (string, bool) {
	if name == "" || strings.Contains(name, "/") || name == ".." || isURL(home) {
		return "", false
	}
	base := path.Join(k.dir, home)
	if path.IsAbs(home) || base == ".." || strings.HasPrefix(base, "../") {
		return "", false
	}
	var cands []string
	if v := scalar(it, "version"); v != "" && !strings.Contains(v, "/") {
		cands = append(cands, path.Join(base, name+"-"+v, name), path.Join(base, name+"-"+v))
	}
	cands = append(cands, path.Join(base, name))
	for _, d := range cands {
		if _, err := w.rt.Check(path.Join(d, "Chart.yaml")); err == nil {
			return d, true
		}
	}
	return "", false
}

func scalar(n *yaml.Node, key string) string {
	if v := get(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// inlineValues is the kustomization's text with every line blanked except
// the valuesInline mapping, moved left to column 1: a values file whose
// keys are on their lines of the kustomization, so a value from it lands
// on its line there.
func inlineValues(raw []byte, vi *yaml.Node) []byte {
	lines := strings.SplitAfter(string(raw), "\n")
	ind := vi.Column - 1
	var b strings.Builder
	for i, l := range lines {
		n := i + 1
		if n < vi.Line {
			b.WriteString("\n")
			continue
		}
		body := strings.TrimRight(l, "\r\n")
		if n == vi.Line {
			if len(body) >= ind {
				body = body[ind:]
			}
		} else {
			t := strings.TrimLeft(body, " ")
			lead := len(body) - len(t)
			if t != "" && !strings.HasPrefix(t, "#") && lead < ind {
				break
			}
			if lead >= ind {
				body = body[ind:]
			} else {
				body = ""
			}
		}
		b.WriteString(body)
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// genPrefix starts the name of every in-memory resource file that holds
// one resource rendered from a helmCharts chart (in the kustomization's
// directory, so kustomize's root-only load restriction allows it). The
// confined file system serves them; they are no file of the tree.
const genPrefix = ".shiplint-helmcharts-"

// inject renders the chart and lists each resource it renders as an extra
// resource of k (an in-memory file), so the rest of the kustomization
// (namespace, labels, patches, images) applies to it as kustomize would
// apply it to helm's output. The mapper gives each node the Helm chain of
// its node in that file (helmChain).
func (w *walker) inject(hc *helmChart, idx int) {
	k := hc.k
	hr := helm.Render(w.rt, hc.dir, hc.opts)
	w.helmProblems = append(w.helmProblems, hr.Problems...)
	w.helmInputs = append(w.helmInputs, hr.Inputs...)
	seq := get(k.root, "resources")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		del(k.root, "resources")
		seq = &yaml.Node{Kind: yaml.SequenceNode}
		k.root.Content = append(k.root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "resources"}, seq)
	}
	ent := k.loc(hc.entry, render.Kustomization)
	for j, r := range hr.Resources {
		if len(strings.TrimSpace(string(r.Text))) == 0 {
			continue
		}
		name := fmt.Sprintf("%s%d-%d.yaml", genPrefix, idx, j)
		file := path.Join(k.dir, name)
		w.fs.gen[file] = r.Text
		w.gen[file] = &genRes{r: r, hc: hc}
		seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name})
		w.under[k][file] = true
		w.resFile[file] = ent
	}
	k.changed = true
	w.injected = append(w.injected, hc)
}

// dropCharts removes the charts' resources from the in-memory
// kustomizations, with a render-error problem at each helmCharts entry.
func (w *walker) dropCharts(why string) {
	for _, hc := range w.injected {
		if seq := get(hc.k.root, "resources"); seq != nil {
			seq.Content = slices.DeleteFunc(seq.Content, func(n *yaml.Node) bool {
				return n.Kind == yaml.ScalarNode && strings.HasPrefix(n.Value, genPrefix)
			})
		}
		w.helmProblems = append(w.helmProblems, render.Problem{Location: hc.k.loc(hc.entry, render.Kustomization), Rule: RuleFailed,
			Msg: fmt.Sprintf("helmCharts entry %q: the overlay does not build with the chart's resources (%s); it is rendered without them", hc.name, why)})
	}
	w.injected = nil
	clear(w.gen)
	clear(w.fs.gen)
}

// genRes is one rendered chart resource served as an in-memory file.
type genRes struct {
	r  render.Resource
	hc *helmChart
}

// fixCols moves the columns of valuesInline locations back where they are
// in the kustomization (inlineValues moved the block left).
func (hc *helmChart) fixCols(c render.Chain) render.Chain {
	out := make(render.Chain, 0, len(c))
	for _, l := range c {
		if l.Path == hc.k.file {
			if l.Range.StartColumn > 0 {
				l.Range.StartColumn += hc.ind
			}
			if l.Range.EndColumn > 0 {
				l.Range.EndColumn += hc.ind
			}
		}
		out = append(out, l)
	}
	return out
}

// helmChains maps every node of a generated file's document (as index
// records it: the key node of a map value, the item of a list) to its
// Helm chain: the node's own (Resource.Paths: a values key), else its
// line's (Resource.Lines: the template line).
func helmChains(g *genRes, d *yaml.Node) map[*yaml.Node]render.Chain {
	out := map[*yaml.Node]render.Chain{}
	var walk func(n, line *yaml.Node, raw []any)
	walk = func(n, line *yaml.Node, raw []any) {
		c, ok := g.r.Paths[document.Key(raw...)]
		if !ok || len(c) == 0 {
			if l := line.Line - 1; l >= 0 && l < len(g.r.Lines) {
				c = g.r.Lines[l]
			}
		}
		if len(c) > 0 {
			out[line] = g.hc.fixCols(c)
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				walk(n.Content[i+1], k, append(raw[:len(raw):len(raw)], k.Value))
			}
		case yaml.SequenceNode:
			for i, it := range n.Content {
				walk(it, it, append(raw[:len(raw):len(raw)], i))
			}
		}
	}
	walk(d, d, nil)
	return out
}
