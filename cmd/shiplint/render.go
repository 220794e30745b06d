package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/render/helm"
	"github.com/shiplint/shiplint/internal/render/kustomize"
	"github.com/shiplint/shiplint/internal/renderunit"
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

	lines := map[*confine.Root]*renderunit.Lines{}
	linesOf := func(rt *confine.Root) *renderunit.Lines {
		if lines[rt] == nil {
			lines[rt] = renderunit.NewLines(rt)
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
		var errs []error
		opts.Values, opts.Set, errs = renderunit.ChartSettings(f.cfg, u)
		in.errs = append(in.errs, errs...)
		opts.Set = append(opts.Set, f.helmSet...)
		for _, v := range f.helmValues {
			rel, err := filepath.Rel(u.Root.Dir(), v.abs)
			if err != nil {
				rel = v.abs
			}
			opts.Values = append(opts.Values, helm.ValuesFile{Path: filepath.ToSlash(rel), Data: v.data})
		}
		units = append(units, checks.File{Path: u.Display(u.File), Unit: renderunit.Chart(u, opts, linesOf(u.Root))})
	}
	for rt, dirs := range kustDirs {
		rd := kustomize.New(rt)
		src := linesOf(rt)
		for _, d := range rd.Deployable(dirs) {
			u := kustUnit[rt][d]
			units = append(units, checks.File{Path: u.Display(u.File), Unit: renderunit.Overlay(rd, u, src)})
		}
	}
	// Renders take longest: start them first.
	slices.SortFunc(units, func(a, b checks.File) int { return strings.Compare(a.Path, b.Path) })
	in.files = append(units, in.files...)
}
