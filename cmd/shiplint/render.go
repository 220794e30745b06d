package main

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/render"
	"github.com/shiplint/shiplint/internal/render/helm"
	"github.com/shiplint/shiplint/internal/render/kustomize"
)

// helmValues is a --helm-values file, read once.
type helmValues struct {
	abs  string
	data []byte
}

// readHelmValues reads the --helm-values files: named by the user on the
// command line, so trusted like --config.
func readHelmValues(files []string) ([]helmValues, error) {
	var out []helmValues
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("--helm-values: %v", err)
		}
		abs, err := filepath.Abs(f)
		if err != nil {
			return nil, fmt.Errorf("--helm-values: %v", err)
		}
		out = append(out, helmValues{abs, b})
	}
	return out, nil
}

// sourceLines reads the files of one scan root for snippets and
// suppression comments, each once, through the same confinement as
// everything else.
type sourceLines struct {
	rt    *confine.Root
	mu    sync.Mutex
	files map[string][]string
}

func (s *sourceLines) lines(rel string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if l, ok := s.files[rel]; ok {
		return l
	}
	var l []string
	if b, _, err := s.rt.ReadFile(rel); err == nil {
		l = strings.Split(strings.TrimPrefix(string(b), "\ufeff"), "\n")
		for i := range l {
			l[i] = strings.TrimSuffix(l[i], "\r")
		}
	}
	s.files[rel] = l
	return l
}

// renderUnits turns the charts and kustomizations discovery found into
// units for the worker pool, and drops the files of each chart from the
// plain files (a chart's templates and values are checked through its
// render). Sub-charts in a chart's charts/ directory render with their
// parent, not alone; of the kustomizations, those kustomize.Deployable
// picks are rendered.
func (in *inputs) renderUnits(f scanFlags, found []*discover.Unit) {
	if len(found) == 0 {
		return
	}
	chartDirs := map[string]bool{}
	for _, u := range found {
		if u.Helm && !u.Archive {
			chartDirs[u.Display(u.Dir)] = true
		}
	}
	under := func(p string) bool {
		for d := p; ; {
			parent := path.Dir(d)
			if chartDirs[parent] && parent != p {
				return true
			}
			if parent == d || parent == "." || parent == "/" {
				return chartDirs["."] && p != "."
			}
			d = parent
		}
	}
	in.files = slices.DeleteFunc(in.files, func(c checks.File) bool { return under(c.Path) })
	for _, p := range in.skippedPaths {
		if under(p) {
			in.skipped--
		}
	}

	lines := map[*confine.Root]*sourceLines{}
	linesOf := func(rt *confine.Root) *sourceLines {
		if lines[rt] == nil {
			lines[rt] = &sourceLines{rt: rt, files: map[string][]string{}}
		}
		return lines[rt]
	}
	var units []checks.File
	kustDirs := map[*confine.Root][]string{}
	kustUnit := map[*confine.Root]map[string]*discover.Unit{}
	for _, u := range found {
		shown := u.Display(u.Dir)
		if !u.Helm {
			if under(u.Display(u.File)) {
				continue
			}
			if kustUnit[u.Root] == nil {
				kustUnit[u.Root] = map[string]*discover.Unit{}
			}
			if kustUnit[u.Root][u.Dir] == nil {
				kustUnit[u.Root][u.Dir] = u
				kustDirs[u.Root] = append(kustDirs[u.Root], u.Dir)
			}
			continue
		}
		// A sub-chart vendored in a chart's charts/ renders with its parent.
		if path.Base(path.Dir(shown)) == "charts" && under(shown) {
			continue
		}
		// So does a packaged chart anywhere in a chart directory.
		if u.Archive && under(u.Display(u.File)) {
			continue
		}
		opts := helm.Options{}
		in.chartSettings(f, u, &opts)
		opts.Set = append(opts.Set, f.helmSet...)
		for _, v := range f.helmValues {
			rel, err := filepath.Rel(u.Root.Dir(), v.abs)
			if err != nil {
				rel = v.abs
			}
			opts.Values = append(opts.Values, helm.ValuesFile{Path: filepath.ToSlash(rel), Data: v.data})
		}
		src := linesOf(u.Root)
		u := u
		name, lines := "chart "+shown, src.lines
		rend := func() render.Result { return helm.Render(u.Root, u.Dir, opts) }
		if u.Archive {
			// The archive has no lines to show or to suppress on.
			name = "chart " + u.Display(u.File)
			lines = func(rel string) []string {
				if rel == u.File {
					return nil
				}
				return src.lines(rel)
			}
			rend = func() render.Result { return helm.RenderArchive(u.Root, u.File, opts) }
		}
		units = append(units, checks.File{Path: u.Display(u.File), Unit: &checks.Unit{
			Name: name, File: u.File, FileShown: u.Display(u.File),
			Render: rend, Display: u.Display, Lines: lines, Namespace: helm.DefaultNamespace,
		}})
	}
	for rt, dirs := range kustDirs {
		rd := kustomize.New(rt)
		src := linesOf(rt)
		for _, d := range rd.Deployable(dirs) {
			u := kustUnit[rt][d]
			units = append(units, checks.File{Path: u.Display(u.File), Unit: &checks.Unit{
				Name: "overlay " + u.Display(u.Dir), File: u.File, FileShown: u.Display(u.File),
				Render:  func() render.Result { return rd.Render(d) },
				Display: u.Display, Lines: src.lines,
			}})
		}
	}
	// Renders take longest: start them first.
	slices.SortFunc(units, func(a, b checks.File) int { return strings.Compare(a.Path, b.Path) })
	in.files = append(units, in.files...)
}

// chartSettings adds the chart's helm: settings from .shiplint.yaml: its
// values files, read through the scan root like every file of the tree
// (a values file outside it is an error), and its set values. The
// command line's come after them, so they win.
func (in *inputs) chartSettings(f scanFlags, u *discover.Unit, opts *helm.Options) {
	dir := filepath.Join(u.Root.Dir(), filepath.FromSlash(u.Dir))
	if u.Archive {
		dir = filepath.Join(u.Root.Dir(), filepath.FromSlash(u.File))
	}
	for _, hc := range f.cfg.Helm {
		if realPath(hc.Dir) != dir {
			continue
		}
		for _, v := range hc.Values {
			rel, err := filepath.Rel(u.Root.Dir(), realPath(v))
			var b []byte
			if err == nil {
				b, _, err = u.Root.ReadFile(rel)
			}
			if err != nil {
				in.errs = append(in.errs, fmt.Errorf("%s:%d: helm values %s of chart %s not read: %v", f.cfg.Path, hc.Line, v, u.Display(u.Dir), confineWhy(err)))
				continue
			}
			opts.Values = append(opts.Values, helm.ValuesFile{Path: filepath.ToSlash(rel), Data: b})
		}
		opts.Set = append(opts.Set, hc.Set...)
	}
}

// realPath resolves symbolic links in p where it can (the scan root's path is
// resolved, a config's paths are not).
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return filepath.Clean(p)
}

// confineWhy is why a confined read failed, without where a link led.
func confineWhy(err error) string {
	var ce *confine.Error
	if errors.As(err, &ce) {
		return ce.Why()
	}
	return err.Error()
}
