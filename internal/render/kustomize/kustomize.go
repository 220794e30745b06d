// Package kustomize builds a Kustomize overlay in process (krusty) over a
// read-only file system confined to the scan root, and maps every node of
// every rendered resource back to the line a person edits: the patch line
// that set it, the base resource line it came from, or the generator entry
// that produced it. See docs/render-kustomize.md.
package kustomize

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/render"
	"github.com/shiplint/shiplint/internal/yamldoc"
	"go.yaml.in/yaml/v3"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/resmap"
	"sigs.k8s.io/kustomize/api/types"
)

// Render builds the kustomization in dir (slash-separated, relative to the
// root). Entries that would reach the network or run code are left out,
// each with a problem at its line; an overlay that does not build is one
// problem at its kustomization's first line.
//
// Render is New(rt).Render(dir): a Renderer shared by the overlays of one
// scan reads each file once.
func Render(rt *confine.Root, dir string) render.Result { return New(rt).Render(dir) }

// Renderer renders the kustomizations of one scan root. It keeps what it
// read (CRD schemas blanked, see lighten), so overlays over a shared base
// read and charge it once. Safe for use from several goroutines.
type Renderer struct {
	rt    *confine.Root
	mu    sync.Mutex
	files map[string]cached
}

type cached struct {
	b   []byte
	err error
}

// New returns a Renderer over a scan root.
func New(rt *confine.Root) *Renderer {
	return &Renderer{rt: rt, files: map[string]cached{}}
}

// read returns a scan-relative file's bytes, lightened, read once.
func (r *Renderer) read(rel string) ([]byte, error) {
	r.mu.Lock()
	c, ok := r.files[rel]
	r.mu.Unlock()
	if ok {
		return c.b, c.err
	}
	b, _, err := r.rt.ReadFile(rel)
	if err == nil {
		b = lighten(b)
		err = bounded(rel, b)
		if err != nil {
			b = nil
		}
	}
	r.mu.Lock()
	r.files[rel] = cached{b, err}
	r.mu.Unlock()
	return b, err
}

// Render builds the kustomization in dir (see the package function).
func (rd *Renderer) Render(dir string) (res render.Result) {
	defer func() {
		if r := recover(); r != nil {
			res = render.Result{Problems: []render.Problem{{
				Location: render.Location{Path: path.Clean(dir), Range: line1(), Role: render.Kustomization},
				Rule:     RuleFailed, Msg: fmt.Sprintf("kustomization not rendered: an internal error (%v)", r),
			}}}
		}
	}()
	return rd.render(dir)
}

func (rd *Renderer) render(dir string) (res render.Result) {
	rt := rd.rt
	dir = path.Clean(dir)
	fs := newFS(rd)
	w := &walker{rt: rt, fs: fs, byDir: map[string]*kust{}, resFile: map[string]render.Location{}, under: map[*kust]map[string]bool{}, users: map[*kust][]*kust{}, gen: map[string]*genRes{}}
	top, err := w.visit(dir, 0)
	if err != nil {
		res.Problems = append(w.problems, render.Problem{
			Location: render.Location{Path: dir, Range: line1(), Role: render.Kustomization},
			Rule:     RuleFailed, Msg: "kustomization not rendered: " + clean(err.Error()),
		})
		return res
	}
	write := func() {
		for _, k := range w.order {
			if k != top && !k.changed {
				continue
			}
			if k == top {
				setBuildMetadata(k.root)
			}
			b, err := yaml.Marshal(k.root)
			if err != nil {
				continue
			}
			fs.over[virt(k.file)] = b
		}
	}
	write()
	opts := krusty.MakeDefaultOptions()
	opts.LoadRestrictions = types.LoadRestrictionsRootOnly
	opts.PluginConfig = types.DisabledPluginConfig()
	m, err := runKrusty(opts, fs, virt(dir))
	if err != nil && len(w.gen) > 0 {
		// The overlay may build without the charts' resources (kustomize
		// refused one of them): say so at each helmCharts entry.
		w.dropCharts(clean(err.Error()))
		write()
		m, err = runKrusty(opts, fs, virt(dir))
	}
	res.Problems = w.problems
	res.Inputs = append(fs.inputs(), w.helmInputs...)
	slices.Sort(res.Inputs)
	res.Inputs = slices.Compact(res.Inputs)
	defer func() { res.Problems = append(res.Problems, w.helmProblems...) }()
	if err != nil {
		res.Problems = append(res.Problems, render.Problem{
			Location: top.loc(top.root, render.Kustomization),
			Rule:     RuleFailed, Msg: "overlay not rendered: " + clean(err.Error()) + leftOut(w.problems),
		})
		res.Problems[len(res.Problems)-1].Location.Range = line1()
		return res
	}
	mp := &mapper{w: w, top: top, files: map[string][]*yaml.Node{}, m: m}
	for _, r := range m.Resources() {
		o, _ := r.GetOrigin()
		mp.origins = append(mp.origins, o)
	}
	if err := m.RemoveOriginAnnotations(); err != nil {
		res.Problems = append(res.Problems, render.Problem{Location: render.Location{Path: top.file, Range: line1(), Role: render.Kustomization}, Rule: RuleFailed, Msg: "overlay not rendered: " + clean(err.Error())})
		return res
	}
	rs := m.Resources()
	if len(rs) > MaxResources {
		res.Problems = append(res.Problems, render.Problem{Location: render.Location{Path: top.file, Range: line1(), Role: render.Kustomization}, Rule: RuleFailed,
			Msg: fmt.Sprintf("overlay renders %d resources, over the limit of %d; only the first %d are checked", len(rs), MaxResources, MaxResources)})
		rs = rs[:MaxResources]
	}
	for i, r := range rs {
		text, err := r.AsYAML()
		if err != nil {
			continue
		}
		rr := mp.mapResource(r, mp.origins[i], text)
		rr.From = "overlay " + dir
		res.Resources = append(res.Resources, rr)
	}
	return res
}

func line1() document.Range { return document.Range{StartLine: 1, EndLine: 1} }

// MaxResources is the most resources one overlay renders to, as for a
// manifest stream (internal/kubernetes).
const MaxResources = 10000

// krustyMu serializes builds: kustomize keeps its OpenAPI schema in
// package state, which a kustomization's openapi: field replaces.
var krustyMu sync.Mutex

// runKrusty builds under krustyMu; a panic inside kustomize is an error,
// not a crash of the scan.
func runKrusty(opts *krusty.Options, fs *confinedFS, dir string) (m resmap.ResMap, err error) {
	krustyMu.Lock()
	defer krustyMu.Unlock()
	defer silenceKustomize()()
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("kustomize failed: %v", r)
		}
	}()
	return krusty.MakeKustomizer(opts).Run(fs, dir)
}

// silenceKustomize stops kustomize from writing to the process's stderr
// while it builds, until the returned function is called. It prints
// deprecation notices with fmt.Fprintf(os.Stderr) and unused vars with the
// standard logger: text that is not ours, would bypass the escaping of
// everything shiplint prints (internal/safetext), and would break a report
// written to standard output. Builds are serialized (krustyMu), and
// shiplint's own stderr writer was taken from os.Stderr at start-up, so
// swapping the variable here touches nothing else.
func silenceKustomize() (restore func()) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return func() {}
	}
	stderr, logOut := os.Stderr, log.Writer()
	os.Stderr = null
	log.SetOutput(io.Discard)
	return func() {
		os.Stderr = stderr
		log.SetOutput(logOut)
		null.Close()
	}
}

func leftOut(ps []render.Problem) string {
	if len(ps) == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d entries were left out, see the findings at their lines)", len(ps))
}

// clean removes the virtual root from kustomize's messages.
func clean(s string) string {
	s = strings.ReplaceAll(s, vroot+"/", "")
	return strings.ReplaceAll(s, vroot, ".")
}

// setBuildMetadata turns on origin annotations for the build (kustomize
// hands the top kustomization's buildMetadata down to every base).
func setBuildMetadata(root *yaml.Node) {
	seq := get(root, "buildMetadata")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		del(root, "buildMetadata")
		seq = &yaml.Node{Kind: yaml.SequenceNode}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "buildMetadata"}, seq)
	}
	for _, it := range seq.Content {
		if it.Value == types.OriginAnnotations {
			return
		}
	}
	seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: types.OriginAnnotations})
}

func (f *confinedFS) noteRead(rel string) {
	f.mu.Lock()
	f.read[rel] = true
	f.mu.Unlock()
}

func (f *confinedFS) inputs() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]string, 0, len(f.read))
	for p := range f.read {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// bounded refuses a YAML file kustomize must not parse: kyaml expands
// every alias (a billion-laughs file would exhaust memory) and recurses
// on nesting. The parser's own budgets (internal/yamldoc: alias nodes,
// depth, documents) decide, so a file that would not scan as a manifest
// does not render either.
func bounded(rel string, b []byte) error {
	ext := path.Ext(rel)
	if ext != ".yaml" && ext != ".yml" && ext != ".json" && path.Base(rel) != "Kustomization" {
		return nil
	}
	if !bytes.ContainsAny(b, "&[{") {
		return nil // no anchors and no flow collections: nothing to expand or nest deeply
	}
	_, err := yamldoc.Decode(rel, b, yamldoc.Options{})
	var se *document.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%s: its YAML does not parse within the parser's limits (line %d: %s)", rel, se.Line, se.Msg)
	}
	return err
}

// lighten blanks the body of every openAPIV3Schema in a CRD (replacing
// the schema by one that accepts anything) and keeps every line where it
// was, so positions still hold. CRD schemas are most of the bytes of
// repositories that vendor them (argo-workflows: 11 MB) and kustomize
// copies every node of them several times per build; no rule reads them.
func lighten(b []byte) []byte {
	const key = "openAPIV3Schema:"
	if !bytes.Contains(b, []byte(key)) {
		return b
	}
	lines := bytes.SplitAfter(b, []byte("\n"))
	out := make([]byte, 0, len(b)/4)
	skip := -1 // indentation of the schema key while blanking its body
	for _, l := range lines {
		body := bytes.TrimLeft(l, " ")
		ind := len(l) - len(body)
		blank := len(bytes.TrimSpace(body)) == 0
		if skip >= 0 {
			if blank || ind > skip {
				if bytes.HasSuffix(l, []byte("\n")) {
					out = append(out, '\n')
				}
				continue
			}
			skip = -1
		}
		if bytes.Equal(bytes.TrimRight(body, " \r\n"), []byte(key)) {
			out = append(out, l[:ind]...)
			out = append(out, key+" {type: object, x-kubernetes-preserve-unknown-fields: true}\n"...)
			skip = ind
			continue
		}
		out = append(out, l...)
	}
	return out
}
