package checks

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/regosandbox"
	"github.com/shiplint/shiplint/internal/render"
)

// Rules that see more than one resource.
//
// A Kubernetes rule whose METADATA says `custom.related: [kinds...]` reads
// input.related: the resources of those kinds ("workload" is any resource
// with a pod spec) in the same group as the document, plus the
// cluster-scoped ones of the same origin. A group is a namespace of one
// directory of plain manifests, or of one chart or overlay (each renders
// its own deployment, so dev and prod overlays of one base do not see each
// other). Such rules cannot run while files are still being
// read, so the scan runs in two phases:
//
//  1. Each file is parsed and evaluated as before, without the related
//     rules. Every resource of a kind some related rule reads is recorded
//     (a few references into the parsed document, no copy), and every
//     document a related rule applies to is kept, with its file's
//     suppressions, instead of being released.
//  2. When every file has been read, each group's view is converted for OPA
//     once and shared by the documents of that group, and the related rules
//     run over the kept documents. Only then is such a file's result
//     finished: suppressions applied (a suppression of a related rule is
//     not stale), findings sorted and fingerprinted.
//
// A scan without related rules enabled records and keeps nothing, and its
// single-document rules run exactly as before.

// maxRelatedGroup bounds one group's view: a related rule reads it for every
// document of the group, so its cost grows with the square of the group.
const maxRelatedGroup = 5000

// relGroup is where a resource belongs for the related rules.
type relGroup struct {
	// unit is the chart or overlay that rendered it, or for a plain file
	// "dir:" and its directory: `kubectl apply -f DIR` applies a directory
	// together, and a scan of a whole repository (or of many) must not
	// make unrelated projects' resources look like neighbours.
	unit      string
	namespace string
}

// relRecord is one resource in the related view.
type relRecord struct {
	group         relGroup
	plain         bool // from a plain file, not a render
	clusterScoped bool
	path          string // for order, and to drop files an overlay consumed
	index         int64
	value         map[string]any
}

// relatedRules are the enabled rules of the pack that read input.related,
// and the kinds they read.
func (p *Pack) relatedKinds() (kinds map[string]bool, workload bool) {
	kinds = map[string]bool{}
	for _, r := range p.rules {
		if len(r.Related) == 0 || !p.enabled[r.ID] {
			continue
		}
		for _, k := range r.Related {
			if k == "workload" {
				workload = true
			} else {
				kinds[k] = true
			}
		}
	}
	return kinds, workload
}

// hasRelated reports whether some enabled rule reads input.related.
func (p *Pack) hasRelated() bool {
	k, w := p.relatedKinds()
	return w || len(k) > 0
}

// relatedApplies reports whether some enabled related rule applies to doc.
func (p *Pack) relatedApplies(doc *document.Document) bool {
	for i := range p.rules {
		r := &p.rules[i]
		if len(r.Related) > 0 && p.enabled[r.ID] && r.Kind == doc.Kind && applies(r, doc) {
			return true
		}
	}
	return false
}

// relCollector gathers, for one file or render, the records of its
// resources and the documents phase 2 must evaluate.
type relCollector struct {
	kinds    map[string]bool
	workload bool
	unit     string // relGroup.unit
	defNS    string // namespace of a resource that names none (Helm's release namespace)
	records  []relRecord
	pending  []pendingDoc
}

// pendingDoc is a document phase 2 evaluates. It keeps where the document
// is, not the document: its decoded input, kept for every workload until
// the end of the scan, was 75 MB of live heap on the corpus (the collector
// marked it all scan long: a quarter more CPU), and grows with the
// repository. The file's (or rendered resource's) text is parsed again
// in phase 2, once per file.
type pendingDoc struct {
	path     string
	index    int // in the documents of its file or rendered resource
	identity string
	reparse  func() []*document.Document
	text     *sourceText
	rs       *render.Resource // the rendered resource it came from; nil in a plain file
	group    relGroup
}

// document returns the document, parsed again; nil if it is not there
// (it always is: parsing is deterministic).
func (pd pendingDoc) document() *document.Document {
	docs := pd.reparse()
	if pd.index >= len(docs) {
		return nil
	}
	d := docs[pd.index]
	d.Identity = pd.identity
	return d
}

// reparser parses a file's documents again once, on first use.
func reparser(parse func() []*document.Document) func() []*document.Document {
	var once sync.Once
	var docs []*document.Document
	return func() []*document.Document {
		once.Do(func() { docs = parse() })
		return docs
	}
}

// newCollector returns nil when no related rule is enabled.
func (p *Pack) newCollector(unit, defNS string) *relCollector {
	kinds, workload := p.relatedKinds()
	if !workload && len(kinds) == 0 {
		return nil
	}
	return &relCollector{kinds: kinds, workload: workload, unit: unit, defNS: defNS}
}

// add records the Kubernetes documents of one file (or rendered resource)
// and keeps those a related rule applies to. It runs before the documents
// are evaluated (and released).
func (c *relCollector) add(p *Pack, docs []*document.Document, text *sourceText, rs *render.Resource, reparse func() []*document.Document) {
	if c == nil {
		return
	}
	for i, d := range docs {
		if d.Kind != document.Kubernetes {
			continue
		}
		ns, _ := d.Input["namespace"].(string)
		if ns == "" {
			ns = c.defNS
		}
		g := relGroup{unit: c.unit, namespace: ns}
		kind, _ := d.Input["resourceKind"].(string)
		_, isWorkload := d.Input["podSpec"]
		if c.kinds[kind] || (c.workload && isWorkload) {
			c.records = append(c.records, relRecord{group: g, plain: rs == nil, clusterScoped: d.Input["clusterScoped"] == true, path: d.Path, index: indexOf(d), value: relValue(d, ns, isWorkload, !c.kinds[kind])})
		}
		if p.relatedApplies(d) {
			c.pending = append(c.pending, pendingDoc{path: d.Path, index: i, identity: d.Identity, reparse: reparse, text: text, rs: rs, group: g})
		}
	}
}

func indexOf(d *document.Document) int64 {
	i, _ := d.Input["documentIndex"].(int64)
	return i
}

// relValue is what a rule sees of another resource. A resource recorded
// only as a workload ("workload" in custom.related, not its kind) is cut to
// what identifies it and runs it as whom: its name, its pod template's
// labels and the pod's service account settings, not its containers
// (every workload of the scan is recorded).
func relValue(d *document.Document, ns string, workload, cut bool) map[string]any {
	v := map[string]any{
		"apiVersion": d.Input["apiVersion"], "kind": d.Input["resourceKind"],
		"name": d.Input["name"], "namespace": ns, "path": d.Path,
	}
	if !cut {
		v["resource"] = d.Input["resource"]
		if workload {
			v["podSpec"], v["podMetadata"] = d.Input["podSpec"], d.Input["podMetadata"]
		}
		return v
	}
	spec, _ := d.Input["podSpec"].(map[string]any)
	meta, _ := d.Input["podMetadata"].(map[string]any)
	small := map[string]any{}
	for _, k := range []string{"serviceAccountName", "serviceAccount", "automountServiceAccountToken"} {
		if x, ok := spec[k]; ok {
			small[k] = x
		}
	}
	v["podSpec"] = small
	v["podMetadata"] = map[string]any{"labels": meta["labels"]}
	return v
}

// relViews are the groups' views, each converted for OPA once, on first
// use.
type relViews struct {
	byGroup   map[relGroup][]relRecord
	clusterOf map[string][]relRecord // cluster-scoped records by unit
	unitKinds map[string][]any       // the kinds recorded in each unit, any namespace
	mu        sync.Mutex
	built     map[relGroup]*relView
}

type relView struct {
	once  sync.Once
	value ast.Value
	err   error
}

// newViews indexes the records of the whole scan, but those of plain files
// a chart or overlay consumed (they are checked through the render).
func newViews(records []relRecord, consumed map[string]bool) *relViews {
	v := &relViews{byGroup: map[relGroup][]relRecord{}, clusterOf: map[string][]relRecord{}, built: map[relGroup]*relView{}}
	kinds := map[string]map[string]bool{}
	for _, r := range records {
		if r.plain && consumed[r.path] {
			continue
		}
		if kinds[r.group.unit] == nil {
			kinds[r.group.unit] = map[string]bool{}
		}
		k, _ := r.value["kind"].(string)
		kinds[r.group.unit][k] = true
		if r.clusterScoped {
			v.clusterOf[r.group.unit] = append(v.clusterOf[r.group.unit], r)
		} else {
			v.byGroup[r.group] = append(v.byGroup[r.group], r)
		}
	}
	v.unitKinds = map[string][]any{}
	for u, ks := range kinds {
		list := make([]any, 0, len(ks))
		for _, k := range slices.Sorted(maps.Keys(ks)) {
			list = append(list, k)
		}
		v.unitKinds[u] = list
	}
	return v
}

// view returns the group's resources for OPA, in a fixed order (file,
// then document), so that a scan's output does not depend on which file
// finished first.
func (v *relViews) view(g relGroup) (ast.Value, error) {
	v.mu.Lock()
	e, ok := v.built[g]
	if !ok {
		e = &relView{}
		v.built[g] = e
	}
	v.mu.Unlock()
	e.once.Do(func() {
		rs := append(slices.Clone(v.byGroup[g]), v.clusterOf[g.unit]...)
		if len(rs) > maxRelatedGroup {
			e.err = fmt.Errorf("namespace %q holds more than %d resources that rules about other resources read; those rules were not evaluated in it", g.namespace, maxRelatedGroup)
			return
		}
		slices.SortFunc(rs, func(a, b relRecord) int {
			return cmp.Or(strings.Compare(a.path, b.path), cmp.Compare(a.index, b.index))
		})
		e.value, e.err = buildView(g.namespace, rs, v.unitKinds[g.unit])
	})
	return e.value, e.err
}

// buildView converts a group's records for OPA, each once, into the list
// and the two indexes rules look things up in: a rule evaluated on every
// workload of a group of n must not scan n resources each time (2,000
// Deployments in one namespace took 84 s with lists alone).
//
//	resources        every record, in order
//	byKind           {kind: {name: record}}
//	serviceAccounts  {account: [{"kind", "name"}]}, the workloads running as it
//	unitKinds        the kinds recorded in the unit, any namespace
func buildView(ns string, rs []relRecord, unitKinds []any) (ast.Value, error) {
	list := make([]*ast.Term, len(rs))
	byKind := map[string]ast.Object{}
	accounts := map[string][]*ast.Term{}
	for i, r := range rs {
		v, err := ast.InterfaceToValue(r.value)
		if err != nil {
			return nil, err
		}
		list[i] = ast.NewTerm(v)
		kind, _ := r.value["kind"].(string)
		name, _ := r.value["name"].(string)
		if byKind[kind] == nil {
			byKind[kind] = ast.NewObject()
		}
		byKind[kind].Insert(ast.StringTerm(name), list[i])
		if spec, ok := r.value["podSpec"].(map[string]any); ok {
			sa := accountOf(spec)
			accounts[sa] = append(accounts[sa], ast.ObjectTerm(
				ast.Item(ast.StringTerm("kind"), ast.StringTerm(kind)),
				ast.Item(ast.StringTerm("name"), ast.StringTerm(name))))
		}
	}
	kinds := ast.NewObject()
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		kinds.Insert(ast.StringTerm(k), ast.NewTerm(byKind[k]))
	}
	sas := ast.NewObject()
	for _, sa := range slices.Sorted(maps.Keys(accounts)) {
		sas.Insert(ast.StringTerm(sa), ast.ArrayTerm(accounts[sa]...))
	}
	if unitKinds == nil {
		unitKinds = []any{}
	}
	uk, err := ast.InterfaceToValue(unitKinds)
	if err != nil {
		return nil, err
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("namespace"), ast.StringTerm(ns)),
		ast.Item(ast.StringTerm("resources"), ast.ArrayTerm(list...)),
		ast.Item(ast.StringTerm("byKind"), ast.NewTerm(kinds)),
		ast.Item(ast.StringTerm("serviceAccounts"), ast.NewTerm(sas)),
		ast.Item(ast.StringTerm("unitKinds"), ast.NewTerm(uk)),
	), nil
}

// accountOf is the service account a pod spec runs as (as
// shiplint.lib.related.account reads it).
func accountOf(spec map[string]any) string {
	for _, k := range []string{"serviceAccountName", "serviceAccount"} {
		if n, ok := spec[k].(string); ok && n != "" {
			return n
		}
	}
	return "default"
}

// evaluateRelated runs the related rules that apply to a kept document
// over it and its group's view.
func (p *Pack) evaluateRelated(ctx context.Context, pd pendingDoc, views *relViews, timeout time.Duration) ([]finding.Finding, error) {
	d := pd.document()
	if d == nil {
		return nil, nil
	}
	q, err := p.relatedQuery(ctx, d)
	if err != nil || q == nil {
		return nil, err
	}
	view, err := views.view(pd.group)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Path, err)
	}
	in, err := ast.InterfaceToValue(d.Input)
	if err != nil {
		return nil, fmt.Errorf("%s: converting document for evaluation: %w", d.Path, err)
	}
	obj, ok := in.(ast.Object)
	if !ok {
		return nil, nil
	}
	obj.Insert(ast.StringTerm("related"), ast.NewTerm(view))
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	ctx, done := p.sandbox(ctx, p.untrusted)
	defer done()
	rs, err := q.Eval(ctx, rego.EvalParsedInput(obj), rego.EvalTime(p.now))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%s: rules that read other resources did not finish in time on this document; their findings are missing", d.Path)
		}
		if why := regosandbox.StoppedForMemory(ctx); why != nil {
			return nil, fmt.Errorf("%s: evaluation stopped: %w", d.Path, why)
		}
		return nil, fmt.Errorf("%s: evaluation failed: %w", d.Path, err)
	}
	return p.collect(rs, d, pd.text)
}

// relatedQuery is the query over the related rules that apply to doc,
// prepared once per set of rules.
func (p *Pack) relatedQuery(ctx context.Context, doc *document.Document) (*rego.PreparedEvalQuery, error) {
	if _, err := p.query(ctx, doc.Kind); err != nil {
		return nil, err
	}
	var names, user []string
	prefix := Namespace + "." + string(doc.Kind) + "."
	for i := range p.rules {
		r := &p.rules[i]
		if r.Kind == doc.Kind && r.Package != "" && len(r.Related) > 0 && p.enabled[r.ID] && applies(r, doc) {
			name := strconv.Quote(strings.TrimPrefix(r.Package, prefix))
			if r.BuiltIn {
				names = append(names, name)
			} else {
				user = append(user, name)
			}
		}
	}
	if len(names)+len(user) == 0 {
		return nil, nil
	}
	return p.setQuery(ctx, doc.Kind, names, user)
}

// finishPending evaluates the kept documents of one file or render.
func (p *Pack) finishPending(ctx context.Context, pending []pendingDoc, views *relViews, timeout time.Duration) ([]finding.Finding, []error) {
	var out []finding.Finding
	var errs []error
	for _, pd := range pending {
		fs, err := p.evaluateRelated(ctx, pd, views, timeout)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, fs...)
	}
	return out, errs
}
