// Package helm renders a Helm chart in process with the Helm SDK
// (helm.sh/helm/v4), as `helm template` would, offline, reading every file
// through internal/confine, and maps every rendered line back to the
// template line that wrote it and every value taken from .Values back to
// its key in a values file. docs/render-helm.md describes the mapping.
package helm

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"helm.sh/helm/v4/pkg/chart/common"
	cutil "helm.sh/helm/v4/pkg/chart/common/util"
	"helm.sh/helm/v4/pkg/chart/loader/archive"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	chartutil "helm.sh/helm/v4/pkg/chart/v2/util"
	"helm.sh/helm/v4/pkg/engine"
	"helm.sh/helm/v4/pkg/ignore"
	"helm.sh/helm/v4/pkg/strvals"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/render"
)

// Rules the problems are reported under.
const (
	// RuleError: a chart that cannot be loaded or a template that fails.
	RuleError = "render-error"
	// RuleMissingDependency: a Chart.yaml dependency not vendored in charts/.
	RuleMissingDependency = "helm-missing-dependency"
)

// ValuesFile is a user values file (--helm-values), already read.
type ValuesFile struct {
	Path string // root-relative, slash-separated, for locations
	Data []byte
}

// Options are `helm template`'s knobs.
type Options struct {
	Values      []ValuesFile
	Set         []string // key=value, as --set
	ReleaseName string   // default "release-name"
	Namespace   string   // default DefaultNamespace
	KubeVersion string   // default DefaultKubeVersion
	APIVersions []string // added to the default capabilities
}

// DefaultNamespace is the release namespace a chart renders with. Not
// "default" as in `helm template`: a chart's namespace is chosen when it is
// installed (helm install -n), so `namespace: {{ .Release.Namespace }}`
// must not read as a resource placed in the default namespace (KS028 fired
// on every templated namespace of the render corpus, 283 times). A chart
// that writes `namespace: default` itself is still reported.
const DefaultNamespace = "release-namespace"

// DefaultKubeVersion is the Kubernetes version `helm template` of Helm
// v4.3.2 assumes (its client-go v0.37 plus one major). Helm's own default
// depends on the build (v1.20.0 in a test binary), so it is fixed here.
const DefaultKubeVersion = "v1.37.0"

// Render renders the chart in dir (relative to root, slash-separated).
func Render(root *confine.Root, dir string, opts Options) (res render.Result) {
	r := &renderer{root: root, dir: path.Clean(dir), opts: opts}
	defer func() {
		// Helm's engine recovers its own panics; this is for the loader
		// and the rest, on input nobody tested.
		if p := recover(); p != nil {
			r.problem(r.chartFile(), 1, RuleError, fmt.Sprintf("chart not rendered: internal error: %v", p))
			res = r.res
		}
	}()
	r.origin = map[*byte]string{}
	r.tgz = map[*byte]string{}
	r.load(r.files(r.dir, ""))
	r.inArchive()
	return r.res
}

// RenderArchive renders the packaged chart file (a .tgz, relative to root,
// slash-separated), read through root like every file of the tree. Its
// files are not in the tree as text, so nothing in it has a source line:
// its findings and problems land on line 1 of the archive. An archive that
// is not a chart (no gzip, no tar, no Chart.yaml in it) renders nothing.
func RenderArchive(root *confine.Root, file string, opts Options) (res render.Result) {
	file = path.Clean(file)
	r := &renderer{root: root, dir: path.Dir(file), archive: file, opts: opts}
	defer func() {
		if p := recover(); p != nil {
			r.problem(file, 1, RuleError, fmt.Sprintf("chart not rendered: internal error: %v", p))
			res = r.res
		}
	}()
	r.origin = map[*byte]string{}
	r.tgz = map[*byte]string{}
	b, _, err := root.ReadFile(file)
	if err != nil {
		r.problem(file, 1, RuleError, "chart archive not read: "+err.Error())
		return r.res
	}
	files, err := archive.LoadArchiveFiles(bytes.NewReader(b))
	if err != nil || !slices.ContainsFunc(files, func(f *archive.BufferedFile) bool { return f.Name == "Chart.yaml" }) {
		return r.res
	}
	r.res.Inputs = append(r.res.Inputs, file)
	// Its files map to the archive, so values from the user's files
	// (--helm-values, in the tree) are traced through its templates.
	for _, f := range files {
		if len(f.Data) > 0 {
			r.origin[&f.Data[0]] = file
		}
	}
	r.load(files)
	r.inArchive()
	return r.res
}

// inArchive drops the origins that are lines of files inside the archive
// (they are no lines of the .tgz): a node whose first origin is inside it
// has none (it lands on line 1 of the archive, with the template named),
// a node set from the user's values file keeps that line, with the
// archive's line 1 as the template. Problems land on line 1.
//
// The same holds for a sub-chart packaged in a charts/ directory (its
// templates are traced too, subArchive): a value the parent's values.yaml
// or the user's values file sets for it lands on that line, with line 1 of
// the sub-chart's .tgz as the template.
func (r *renderer) inArchive() {
	in := func(p string) bool { return p != "" && (p == r.archive || r.subArchives[p]) }
	if r.archive == "" && len(r.subArchives) == 0 {
		return
	}
	line1 := document.Range{StartLine: 1, EndLine: 1}
	fix := func(c render.Chain) render.Chain {
		if len(c) == 0 || in(c[0].Path) {
			return nil
		}
		out := render.Chain{c[0]}
		for _, l := range c[1:] {
			if in(l.Path) {
				l.Range = line1
			}
			if l != out[len(out)-1] {
				out = append(out, l)
			}
		}
		return out
	}
	for i := range r.res.Resources {
		rs := &r.res.Resources[i]
		known := false
		for j := range rs.Lines {
			rs.Lines[j] = fix(rs.Lines[j])
			known = known || rs.Lines[j] != nil
		}
		if !known {
			rs.Lines = nil
		}
		for k, c := range rs.Paths {
			if c = fix(c); c == nil {
				delete(rs.Paths, k)
			} else {
				rs.Paths[k] = c
			}
		}
		if len(rs.Paths) == 0 {
			rs.Paths = nil
		}
	}
	for i := range r.res.Problems {
		if l := &r.res.Problems[i].Location; in(l.Path) {
			l.Range = line1
		}
	}
}

// subArchive tells the files of the sub-chart d of ch, when d was loaded
// from a .tgz in ch's charts/ (Helm's loader unpacks it into new bytes):
// the archive is the one among ch's files whose Chart.yaml and templates
// are d's, and d's files then map to it like ch's own. Nested archives
// follow, as their bytes are then d's files.
func (r *renderer) subArchive(ch, d *chart.Chart) {
	for _, f := range d.Raw {
		if _, ok := r.originOf(f.Data); ok {
			return // a directory in charts/ or a chart of the tree
		}
	}
	for _, f := range ch.Raw {
		if !strings.HasPrefix(f.Name, "charts/") || path.Ext(f.Name) != ".tgz" || len(f.Data) == 0 {
			continue
		}
		p, ok := r.tgz[&f.Data[0]]
		if !ok {
			p, ok = r.origin[&f.Data[0]]
		}
		if !ok || !sameChart(f.Data, d) {
			continue
		}
		for _, g := range d.Raw {
			if len(g.Data) > 0 {
				r.origin[&g.Data[0]] = p
			}
		}
		for _, g := range d.Templates {
			if len(g.Data) > 0 {
				r.origin[&g.Data[0]] = p
			}
		}
		if p != r.archive {
			if r.subArchives == nil {
				r.subArchives = map[string]bool{}
			}
			r.subArchives[p] = true
		}
		return
	}
}

// sameChart: the archive b holds the chart d (same Chart.yaml, same
// templates).
func sameChart(b []byte, d *chart.Chart) bool {
	files, err := archive.LoadArchiveFiles(bytes.NewReader(b))
	if err != nil {
		return false
	}
	var raw []byte
	for _, f := range d.Raw {
		if f.Name == "Chart.yaml" {
			raw = f.Data
		}
	}
	if raw == nil || !bytes.Equal(fileData(files, "Chart.yaml"), raw) {
		return false
	}
	n := 0
	for _, f := range files {
		if strings.HasPrefix(f.Name, "templates/") {
			n++
		}
	}
	if n != len(d.Templates) {
		return false
	}
	for _, t := range d.Templates {
		if !bytes.Equal(fileData(files, t.Name), t.Data) {
			return false
		}
	}
	return true
}

type renderer struct {
	root *confine.Root
	dir  string
	opts Options
	res  render.Result
	// archive is the .tgz a packaged chart was loaded from ("" for a
	// chart directory).
	archive string

	// where each loaded file's bytes came from (by their first byte), to
	// tell a template's real path after Helm's loader took the tree apart.
	origin map[*byte]string
	tgz    map[*byte]string
	// subArchives are the .tgz files of the tree whose sub-chart's
	// templates were traced (their lines are no lines of the tree).
	subArchives map[string]bool

	trace       *traceLog
	pairs       map[[2]int]printed
	chartValues map[*chartInfo]map[string]any
}

func (r *renderer) rel(name string) string {
	if r.dir == "." {
		return name
	}
	return r.dir + "/" + name
}

// chartFile is where a problem of the whole chart lands: its Chart.yaml,
// or its archive.
func (r *renderer) chartFile() string {
	if r.archive != "" {
		return r.archive
	}
	return r.rel("Chart.yaml")
}

func (r *renderer) problem(p string, line int, rule, msg string) {
	if r.archive != "" && p == r.archive {
		line = 1 // a line of a file inside the archive is no line of it
	}
	r.res.Problems = append(r.res.Problems, render.Problem{
		Location: render.Location{Path: p, Range: document.Range{StartLine: line, EndLine: line}, Role: render.Template},
		Rule:     rule, Msg: msg,
	})
}

// files reads the chart directory through confine, honouring .helmignore
// like Helm's directory loader. A file confine refuses is a problem and is
// left out.
func (r *renderer) files(dir, prefix string) []*archive.BufferedFile {
	in := func(name string) string {
		if dir == "." {
			return name
		}
		return dir + "/" + name
	}
	rules := ignore.Empty()
	if b, _, err := r.root.ReadFile(in(".helmignore")); err == nil {
		if rr, err := ignore.Parse(bytes.NewReader(b)); err == nil {
			rules = rr
		}
	}
	rules.AddDefaults()
	base := filepath.Join(r.root.Dir(), filepath.FromSlash(dir))
	// The walk below reads files by their path: no directory on that path
	// may be a symbolic link (one could lead out of the root). Root.Dir()
	// is a real path, so any link on the way makes the two differ.
	if real, err := filepath.EvalSymlinks(base); err != nil || real != base {
		r.problem(in("Chart.yaml"), 0, RuleError, "chart directory "+dir+" not read: it is missing or reached through a symbolic link")
		return nil
	}
	var out []*archive.BufferedFile
	_ = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name, _ := filepath.Rel(base, p)
		name = filepath.ToSlash(name)
		if name == "." {
			return nil
		}
		info, ierr := d.Info()
		if ierr != nil {
			return nil
		}
		if d.IsDir() {
			if d.Name() == ".git" || rules.Ignore(name, info) {
				return filepath.SkipDir
			}
			return nil
		}
		if rules.Ignore(name, info) {
			return nil
		}
		relName := in(name)
		var e *confine.Entry
		if d.Type()&os.ModeSymlink != 0 {
			e, err = r.root.Check(relName)
		} else {
			e, err = r.root.CheckListed(relName, info)
		}
		if err == nil {
			err = e.Reserve()
		}
		var b []byte
		if err == nil {
			b, err = e.Read()
		}
		if err != nil {
			r.problem(relName, 0, RuleError, "chart file not read: "+err.Error())
			return nil
		}
		r.res.Inputs = append(r.res.Inputs, relName)
		if len(b) > 0 {
			if strings.HasSuffix(name, ".tgz") {
				r.tgz[&b[0]] = relName
			} else {
				r.origin[&b[0]] = relName
			}
		}
		out = append(out, &archive.BufferedFile{Name: prefix + name, Data: b})
		return nil
	})
	return out
}

// load renders the chart made of files.
func (r *renderer) load(files []*archive.BufferedFile) {
	chartYAML := r.chartFile()
	ch, err := loader.LoadFiles(files)
	if err != nil {
		r.problem(chartYAML, 1, RuleError, "chart not loaded: "+err.Error())
		return
	}
	if ch.Metadata.Type == "library" {
		return // a library chart renders only as a dependency
	}
	// A packaged chart carries its dependencies (helm package vendors
	// them); one missing is reported, not looked for in the tree.
	if r.archive == "" {
		if more := r.resolveDeps(ch); len(more) > 0 {
			files = append(files, more...)
			if ch, err = loader.LoadFiles(files); err != nil {
				r.problem(chartYAML, 1, RuleError, "chart not loaded: "+err.Error())
				return
			}
		}
	}
	r.missingDeps(ch, files)

	vals := map[string]any{}
	var user []*valuesDoc
	for _, f := range r.opts.Values {
		v, err := loader.LoadValues(bytes.NewReader(f.Data))
		if err != nil {
			r.problem(f.Path, 1, RuleError, "values file not loaded: "+err.Error())
			continue
		}
		vals = loader.MergeMaps(vals, v)
		user = append(user, parseValuesDoc(f.Path, f.Data))
	}
	set := map[string]any{}
	for _, s := range r.opts.Set {
		if err := strvals.ParseInto(s, vals); err != nil {
			r.problem(chartYAML, 0, RuleError, "--set "+s+": "+err.Error())
			continue
		}
		_ = strvals.ParseInto(s, set)
	}
	if err := chartutil.ProcessDependencies(ch, vals); err != nil {
		r.problem(chartYAML, 1, RuleError, "chart dependencies: "+err.Error())
		return
	}
	caps := common.DefaultCapabilities.Copy()
	{
		kv, err := common.ParseKubeVersion(or(r.opts.KubeVersion, DefaultKubeVersion))
		if err != nil {
			r.problem(chartYAML, 0, RuleError, "kube version: "+err.Error())
		} else {
			caps.KubeVersion = *kv
		}
	}
	caps.APIVersions = append(caps.APIVersions, r.opts.APIVersions...)
	if ch.Metadata.KubeVersion != "" && !chartutil.IsCompatibleRange(ch.Metadata.KubeVersion, caps.KubeVersion.String()) {
		r.problem(chartYAML, lineOf(fileData(files, "Chart.yaml"), "kubeVersion"), RuleError,
			"chart requires kubeVersion "+ch.Metadata.KubeVersion+", incompatible with Kubernetes "+caps.KubeVersion.Version)
		return
	}
	opts := common.ReleaseOptions{Name: or(r.opts.ReleaseName, "release-name"), Namespace: or(r.opts.Namespace, DefaultNamespace), Revision: 1, IsInstall: true}
	top, err := cutil.ToRenderValuesWithSchemaValidation(ch, vals, opts, caps, true)
	if err != nil {
		r.problem(chartYAML, 1, RuleError, "values: "+err.Error())
		return
	}

	// Plain render first: its output and errors are Helm's own.
	eng := engine.Engine{CustomTemplateFuncs: limitedFuncs()}
	plain, err := eng.RenderWithContext(context.Background(), ch, top)
	if err != nil {
		r.templateError(ch, err)
		return
	}

	// Then the instrumented render, for the source map.
	m := &marks{list: []mark{{}}}
	infos := map[string]*chartInfo{}
	saved := r.instrumentChart(ch, nil, m, infos)
	top2, err := cutil.ToRenderValuesWithSchemaValidation(ch, vals, opts, caps, true)
	var traced map[string]string
	if err == nil {
		r.trace = &traceLog{}
		r.chartValues = chartValues(top2, infos)
		funcs := limitedFuncs()
		maps.Copy(funcs, r.trace.funcs())
		eng2 := engine.Engine{CustomTemplateFuncs: funcs}
		traced, err = eng2.RenderWithContext(context.Background(), ch, top2)
	}
	for f, d := range saved {
		f.Data = d
	}
	if err != nil {
		traced = nil
	}

	names := make([]string, 0, len(plain))
	for n := range plain {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if strings.HasSuffix(n, "/NOTES.txt") || strings.TrimSpace(plain[n]) == "" {
			continue
		}
		r.file(n, plain[n], traced[n], m, user, set)
	}
}

func or(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func fileData(files []*archive.BufferedFile, name string) []byte {
	for _, f := range files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// lineOf is the first line starting (after indentation) with key.
func lineOf(b []byte, key string) int {
	for i, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), key+":") {
			return i + 1
		}
	}
	return 1
}

// resolveDeps finds each dependency that is not vendored in charts/ in
// the scanned tree: at its file:// repository path, else in a sibling
// directory of the chart's name; its files are added under charts/<name>/
// as `helm dependency build` would have. Nothing outside the root.
func (r *renderer) resolveDeps(ch *chart.Chart) []*archive.BufferedFile {
	have := map[string]bool{}
	for _, d := range ch.Dependencies() {
		have[d.Name()] = true
	}
	var out []*archive.BufferedFile
	for _, d := range ch.Metadata.Dependencies {
		if d == nil || have[d.Name] {
			continue
		}
		var cands []string
		if p, ok := strings.CutPrefix(d.Repository, "file://"); ok {
			cands = append(cands, path.Join(r.dir, p))
		}
		cands = append(cands, path.Join(path.Dir(r.dir), d.Name))
		for _, c := range cands {
			if c == r.dir || c == ".." || strings.HasPrefix(c, "../") || path.IsAbs(c) {
				continue
			}
			b, _, err := r.root.ReadFile(c + "/Chart.yaml")
			if err != nil {
				continue
			}
			var md chart.Metadata
			if yaml.Unmarshal(b, &md) != nil || md.Name != d.Name {
				continue
			}
			out = append(out, r.files(c, "charts/"+d.Name+"/")...)
			have[d.Name] = true
			break
		}
	}
	return out
}

// missingDeps reports every dependency of Chart.yaml that is not in
// charts/, at its "- name:" line.
func (r *renderer) missingDeps(ch *chart.Chart, files []*archive.BufferedFile) {
	have := map[string]bool{}
	for _, d := range ch.Dependencies() {
		have[d.Name()] = true
	}
	var doc yaml.Node
	_ = yaml.Unmarshal(fileData(files, "Chart.yaml"), &doc)
	for i, d := range ch.Metadata.Dependencies {
		if d == nil || have[d.Name] {
			continue
		}
		line := depLine(&doc, i)
		r.problem(r.chartFile(), line, RuleMissingDependency,
			"dependency "+strconv.Quote(d.Name)+" is declared in Chart.yaml but not in charts/: run `helm dependency build` (the chart is rendered without it)")
	}
}

func depLine(doc *yaml.Node, i int) int {
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return 1
	}
	m := doc.Content[0]
	for k := 0; k+1 < len(m.Content); k += 2 {
		if m.Content[k].Value == "dependencies" && m.Content[k+1].Kind == yaml.SequenceNode && i < len(m.Content[k+1].Content) {
			return m.Content[k+1].Content[i].Line
		}
	}
	return 1
}

// instrumentChart replaces every template's text by its instrumented
// text, returning the originals to put back.
func (r *renderer) instrumentChart(ch *chart.Chart, parent *chartInfo, m *marks, infos map[string]*chartInfo) map[*common.File][]byte {
	saved := map[*common.File][]byte{}
	ci := &chartInfo{parent: parent, key: ch.Name()}
	infos[ch.ChartFullPath()] = ci
	for _, f := range ch.Raw {
		if f.Name == "values.yaml" {
			if p, ok := r.originOf(f.Data); ok {
				ci.values = parseValuesDoc(p, f.Data)
			}
		}
	}
	for _, f := range ch.Templates {
		p, ok := r.originOf(f.Data)
		if !ok {
			continue // not from the tree nor a known archive: left unmapped
		}
		name := path.Join(ch.ChartFullPath(), f.Name)
		out, ok := instrument(name, string(f.Data), &tplInfo{path: p, chart: ci}, m)
		if !ok {
			continue
		}
		saved[f] = f.Data
		f.Data = []byte(out)
	}
	for _, d := range ch.Dependencies() {
		r.subArchive(ch, d)
		for k, v := range r.instrumentChart(d, ci, m, infos) {
			saved[k] = v
		}
	}
	return saved
}

func (r *renderer) originOf(b []byte) (string, bool) {
	if len(b) == 0 {
		return "", false
	}
	p, ok := r.origin[&b[0]]
	return p, ok
}

// tplRef is a template position in Helm's error text:
// "chart/templates/x.yaml:12:5" or "chart/templates/x.yaml:12".
var tplRef = regexp.MustCompile(`([^\s():<>"]+):(\d+)(?::(\d+))?`)

// templateError turns Helm's rendering error into a problem at the
// template file, line and column it names.
func (r *renderer) templateError(ch *chart.Chart, err error) {
	msg := err.Error()
	paths := r.templatePaths(ch)
	for _, sm := range tplRef.FindAllStringSubmatch(msg, -1) {
		p, ok := paths[sm[1]]
		if !ok {
			continue
		}
		line, _ := strconv.Atoi(sm[2])
		col, _ := strconv.Atoi(sm[3])
		r.res.Problems = append(r.res.Problems, render.Problem{
			Location: render.Location{Path: p, Range: document.Range{StartLine: line, StartColumn: col, EndLine: line}, Role: render.Template},
			Rule:     RuleError, Msg: cleanMsg(msg),
		})
		return
	}
	r.problem(r.chartFile(), 1, RuleError, cleanMsg(msg))
}

func cleanMsg(s string) string {
	s = strings.ReplaceAll(s, "HELM_ERR_START", "")
	s = strings.ReplaceAll(s, "HELM_ERR_END", "")
	return strings.Join(strings.Fields(s), " ")
}

// templatePaths maps Helm's template names to root-relative files.
func (r *renderer) templatePaths(ch *chart.Chart) map[string]string {
	out := map[string]string{}
	var walk func(c *chart.Chart)
	walk = func(c *chart.Chart) {
		for _, f := range c.Templates {
			if p, ok := r.originOf(f.Data); ok {
				out[path.Join(c.ChartFullPath(), f.Name)] = p
			}
		}
		for _, d := range c.Dependencies() {
			walk(d)
		}
	}
	walk(ch)
	return out
}

// chartValues is each chart's .Values in the coalesced values.
func chartValues(top common.Values, infos map[string]*chartInfo) map[*chartInfo]map[string]any {
	out := map[*chartInfo]map[string]any{}
	for _, ci := range infos {
		var keys []string
		for x := ci; x.parent != nil; x = x.parent {
			keys = append([]string{x.key}, keys...)
		}
		cur := asMap(top["Values"])
		for _, k := range keys {
			cur = asMap(cur[k])
		}
		out[ci] = cur
	}
	return out
}

func asMap(v any) map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return v
	case common.Values:
		return v
	}
	return nil
}
