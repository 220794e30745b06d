package checks

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/kubernetes"
	"github.com/shiplint/shiplint/internal/render"
	"github.com/shiplint/shiplint/internal/suppress"
)

// Unit is a Helm chart or a Kustomize overlay: a worker renders it, scans
// every resource it renders like a manifest, and moves each finding from
// the rendered text (which is in no file) to the line a person edits.
type Unit struct {
	// Name says what was rendered: "chart charts/web", "overlay deploy/prod".
	Name string
	// File is the Chart.yaml or kustomization file, relative to the
	// render root (FileShown: as findings show it). A finding whose
	// source is not known lands on its first line.
	File, FileShown string
	// Render renders the unit.
	Render func() render.Result
	// Display turns a path of the render (relative to its root) into a
	// finding path (relative to the display root, like other findings).
	Display func(rel string) string
	// Lines returns the lines of a file of the render root, for snippets
	// and suppression comments; nil when it cannot be read.
	Lines func(rel string) []string
	// Namespace is where a rendered resource that names no namespace is
	// installed (a Helm release's namespace), for the rules that read
	// other resources of the same namespace.
	Namespace string
}

// line1 is the first line of a file.
var line1 = document.Range{StartLine: 1, EndLine: 1}

// scanUnit renders a unit and scans what it rendered.
func (p *Pack) scanUnit(ctx context.Context, u *Unit, opt ScanOptions) FileResult {
	res, done := u.RenderWithin(renderTimeout(opt))
	out := FileResult{Rendered: true}
	if !done {
		if r, ok := p.Rule(RenderErrorRule.ID); ok && p.enabled[r.ID] {
			out.Findings = []finding.Finding{{
				RuleID: r.ID, Severity: r.Severity, Title: r.Title, Kind: document.Kubernetes,
				Message: fmt.Sprintf("%s not rendered: it did not finish within %v (a template that loops or expands too far); nothing in it was checked", u.Name, renderTimeout(opt)),
				Path:    u.FileShown, Range: line1, Snippet: lineAt(u.Lines(u.File), 1), Via: u.Name,
			}}
			fingerprints(out.Findings)
		}
		return out
	}
	// An overlay that did not build at all checks nothing of its inputs:
	// they are then still scanned on their own, as before.
	failed := len(res.Resources) == 0 && slices.ContainsFunc(res.Problems, func(pr render.Problem) bool {
		return pr.Rule == RenderErrorRule.ID || pr.Rule == "render-failed"
	})
	for _, in := range res.Inputs {
		if !failed {
			out.Consumed = append(out.Consumed, u.Display(in))
		}
	}
	rel := p.newCollector(u.Name, u.Namespace)
	var fs []finding.Finding
	var rels []string // the render-root path each finding landed on
	for _, pr := range res.Problems {
		id := pr.Rule
		if id == "render-failed" {
			id = RenderErrorRule.ID
		}
		r, ok := p.Rule(id)
		if !ok || !p.enabled[id] {
			continue
		}
		rng := pr.Location.Range
		if !rng.Valid() {
			rng = line1
		}
		fs = append(fs, finding.Finding{
			RuleID: r.ID, Severity: r.Severity, Title: r.Title, Message: pr.Msg, Kind: document.Kubernetes,
			Path: u.Display(pr.Location.Path), Range: rng, Snippet: snippetAt(u.Lines(pr.Location.Path), rng), Via: u.Name,
		})
		rels = append(rels, pr.Location.Path)
	}
	timeout := opt.EvalTimeout
	if timeout <= 0 {
		timeout = DefaultEvalTimeout
	}
	for i := range res.Resources {
		rs := &res.Resources[i]
		text := &sourceText{src: rs.Text, rendered: true}
		docs, err := kubernetes.Parse(u.FileShown, rs.Text)
		if generated(rs) {
			for _, d := range docs {
				d.Identity = unhashedName(d.Identity)
			}
		}
		found, notes := p.parseProblems(File{Path: u.FileShown, Kind: document.Kubernetes}, err, text)
		out.Notifications = append(out.Notifications, notes...)
		out.Documents += len(docs)
		out.Forms = formsOf(docs, out.Forms)
		rel.add(p, docs, text, rs, reparser(func() []*document.Document {
			docs, _ := kubernetes.Parse(u.FileShown, rs.Text)
			return docs // (identities are kept from the first parse)
		}))
		got, errs := p.evaluateDocs(ctx, docs, text, timeout, opt)
		for _, err := range errs {
			out.Notifications = append(out.Notifications, finding.Notification{Level: "error", Path: u.FileShown, Message: rs.From + ": " + err.Error()})
		}
		for _, f := range append(got, found...) {
			f, rel, ok := u.place(f, rs)
			if !ok {
				out.Unmapped++
			}
			fs = append(fs, f)
			rels = append(rels, rel)
		}
	}
	finish := func(fs []finding.Finding, rels []string) []finding.Finding {
		fs = p.suppressRendered(u, fs, rels, opt.Now)
		finding.Sort(fs)
		fingerprints(fs)
		return fs
	}
	if rel == nil || len(rel.pending) == 0 {
		out.Findings = finish(fs, rels)
		if rel != nil {
			out.records = rel.records
		}
		return out
	}
	out.records = rel.records
	out.finish = func(ctx context.Context, views *relViews) ([]finding.Finding, []finding.Notification) {
		var ns []finding.Notification
		for _, pd := range rel.pending {
			got, err := p.evaluateRelated(ctx, pd, views, timeout)
			if err != nil {
				ns = append(ns, finding.Notification{Level: "error", Path: u.FileShown, Message: pd.rs.From + ": " + err.Error()})
				continue
			}
			for _, f := range got {
				f, where, _ := u.place(f, pd.rs)
				fs = append(fs, f)
				rels = append(rels, where)
			}
		}
		return finish(fs, rels), ns
	}
	return out
}

// generated says whether a Kustomize generator made the resource: its
// name then ends in a hash of its content.
func generated(rs *render.Resource) bool {
	for _, c := range rs.Lines {
		for _, l := range c {
			if l.Role == render.Generator {
				return true
			}
		}
	}
	return false
}

// unhashedName drops the content hash Kustomize appends to a generated
// ConfigMap's or Secret's name ("web-config-g5c52tm7fh" is "web-config"),
// so that a finding keeps its fingerprint when another literal of the
// same generator changes. The hash is ten characters of Kustomize's
// alphabet (hex digits with 0, 1, 3, a, e swapped for g, h, k, m, t).
func unhashedName(id string) string {
	i := strings.LastIndexByte(id, '-')
	if i < 0 || len(id)-i-1 != 10 {
		return id
	}
	for _, c := range id[i+1:] {
		if !strings.ContainsRune("2456789bcdfghkmt", c) {
			return id
		}
	}
	return id[:i]
}

// renderTimeout bounds one chart's or overlay's render: three times a
// document's evaluation budget (30s by default).
func renderTimeout(opt ScanOptions) time.Duration {
	t := opt.EvalTimeout
	if t <= 0 {
		t = DefaultEvalTimeout
	}
	return 3 * t
}

// RenderWithin renders u, giving up after d. Helm's engine cannot be
// stopped: a chart that loops within the engine's caps keeps its
// goroutine busy until the process exits, but the scan finishes.
func (u *Unit) RenderWithin(d time.Duration) (render.Result, bool) {
	ch := make(chan render.Result, 1)
	go func() { ch <- u.Render() }()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case res := <-ch:
		return res, true
	case <-t.C:
		return render.Result{}, false
	}
}

// place moves a finding in rendered text to its source: the deepest node
// on its path with an origin of its own, else the origin of its rendered
// line. Without either it lands on line 1 of the chart's or overlay's
// file, and says so. rel is where it landed, relative to the render root.
func (u *Unit) place(f finding.Finding, rs *render.Resource) (_ finding.Finding, rel string, mapped bool) {
	f.Via = u.Name
	chain := chainOf(f, rs)
	if len(chain) == 0 {
		f.Path, f.Range, f.Snippet = u.FileShown, line1, lineAt(u.Lines(u.File), 1)
		f.Message += " (rendered by " + rs.From + "; the source line is not known)"
		return f, u.File, false
	}
	at := chain[0]
	f.Path, f.Range = u.Display(at.Path), at.Range
	if !f.Range.Valid() {
		f.Range = line1
	}
	f.Snippet = snippetAt(u.Lines(at.Path), f.Range)
	f.Related = nil
	for _, l := range chain[1:] {
		f.Related = append(f.Related, finding.Related{Path: u.Display(l.Path), Range: l.Range, Role: string(l.Role)})
	}
	return f, at.Path, true
}

func chainOf(f finding.Finding, rs *render.Resource) render.Chain {
	if len(rs.Paths) > 0 {
		k := f.Key
		for {
			if c := rs.Paths[k]; len(c) > 0 {
				return c
			}
			i := strings.LastIndexByte(k, '/')
			if i < 0 {
				break
			}
			k = k[:i]
		}
	}
	if n := f.Range.StartLine; n >= 1 && n <= len(rs.Lines) {
		return rs.Lines[n-1]
	}
	return nil
}

// suppressRendered applies the suppression comments of each file the
// findings landed on (a template, values or patch line). A directive
// there that silences nothing is not reported as stale: another chart or
// overlay may render through the same line.
func (p *Pack) suppressRendered(u *Unit, fs []finding.Finding, rels []string, now time.Time) []finding.Finding {
	if now.IsZero() {
		now = time.Now()
	}
	byFile := map[string][]int{}
	for i, rel := range rels {
		byFile[rel] = append(byFile[rel], i)
	}
	for rel, idx := range byFile {
		lines := u.Lines(rel)
		if !suppress.MayHold([]byte(strings.Join(lines, "\n"))) {
			continue
		}
		ds, _ := suppress.Parse(document.Kubernetes, lines, nil)
		if len(ds) == 0 {
			continue
		}
		sub := make([]finding.Finding, len(idx))
		for j, i := range idx {
			sub[j] = fs[i]
		}
		sub = suppress.Apply(sub, ds, nil, p, suppress.Source{Path: u.Display(rel), Kind: document.Kubernetes, Lines: lines}, now)
		for j, i := range idx {
			fs[i] = sub[j]
		}
	}
	return fs
}

// collapse merges findings reached through several charts or overlays
// from the same source line under the same rule into one, naming them.
func collapse(fs []finding.Finding) []finding.Finding {
	type key struct {
		rule, path string
		rng        document.Range
	}
	first := map[key][]int{}
	vias := map[int][]string{}
	out := fs[:0]
	for _, f := range fs {
		if f.Via == "" {
			out = append(out, f)
			continue
		}
		k := key{f.RuleID, f.Path, f.Range}
		// The same line through another overlay is the same finding; two
		// resources of one overlay on one line (a namespace: both get)
		// are two.
		i := slices.IndexFunc(first[k], func(i int) bool { return !slices.Contains(vias[i], f.Via) })
		if i >= 0 {
			i = first[k][i]
			vias[i] = append(vias[i], f.Via)
			// Keep the one of the first chart or overlay by name, not
			// the first to finish on the worker pool: its related
			// locations (the overlay's own entry) must not depend on
			// timing.
			if f.Via < out[i].Via {
				out[i] = f
			}
			continue
		}
		first[k] = append(first[k], len(out))
		vias[len(out)] = []string{f.Via}
		out = append(out, f)
	}
	for i, vs := range vias {
		if len(vs) < 2 {
			continue
		}
		slices.Sort(vs)
		out[i].Message += " (in " + viaList(vs) + ")"
	}
	return out
}

// viaList names the overlays or charts: "overlays a, b".
func viaList(vs []string) string {
	kind, _, _ := strings.Cut(vs[0], " ")
	names := make([]string, len(vs))
	same := true
	for i, v := range vs {
		k, name, _ := strings.Cut(v, " ")
		same = same && k == kind
		names[i] = name
	}
	if !same {
		return strings.Join(vs, ", ")
	}
	return kind + "s " + strings.Join(names, ", ")
}
