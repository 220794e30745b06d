// Package renderunit turns a Helm chart or a Kustomize overlay that
// discovery found into the checks.Unit the engine renders and scans: its
// name, how it renders (the chart's values from .shiplint.yaml's helm:
// entries), and how its findings are shown (display paths, source lines
// for snippets and suppression comments). `shiplint scan` and the language
// server both build their units here, so an editor reports what a scan
// does.
package renderunit

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/config"
	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/render"
	"github.com/shiplint/shiplint/internal/render/helm"
	"github.com/shiplint/shiplint/internal/render/kustomize"
)

// Lines reads the files of one root for snippets and suppression comments,
// each once, through the same confinement as everything else (and through
// its overlay, for the language server's unsaved buffers). Safe for use
// from several goroutines.
type Lines struct {
	rt    *confine.Root
	mu    sync.Mutex
	files map[string][]string
}

// NewLines returns the line reader of a root.
func NewLines(rt *confine.Root) *Lines {
	return &Lines{rt: rt, files: map[string][]string{}}
}

// Of returns the lines of rel (relative to the root); nil when it cannot
// be read.
func (s *Lines) Of(rel string) []string {
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

// Chart is the unit of a chart directory or packaged chart (u.Helm),
// rendered with opts. Its helm: settings from the config are not added
// here: see ChartSettings.
func Chart(u *discover.Unit, opts helm.Options, src *Lines) *checks.Unit {
	shown := u.Display(u.Dir)
	name, lines := "chart "+shown, src.Of
	rend := func() render.Result { return helm.Render(u.Root, u.Dir, opts) }
	if u.Archive {
		// The archive has no lines to show or to suppress on.
		name = "chart " + u.Display(u.File)
		lines = func(rel string) []string {
			if rel == u.File {
				return nil
			}
			return src.Of(rel)
		}
		rend = func() render.Result { return helm.RenderArchive(u.Root, u.File, opts) }
	}
	return &checks.Unit{
		Name: name, File: u.File, FileShown: u.Display(u.File),
		Render: rend, Display: u.Display, Lines: lines, Namespace: helm.DefaultNamespace,
	}
}

// Overlay is the unit of the kustomization in u.Dir, rendered by rd (a
// renderer over u.Root; overlays of one root share it, and its cache of
// the files they read).
func Overlay(rd *kustomize.Renderer, u *discover.Unit, src *Lines) *checks.Unit {
	dir := u.Dir
	return &checks.Unit{
		Name: "overlay " + u.Display(u.Dir), File: u.File, FileShown: u.Display(u.File),
		Render:  func() render.Result { return rd.Render(dir) },
		Display: u.Display, Lines: src.Of,
	}
}

// ChartSettings returns the values files and set values cfg's helm:
// entries give the chart u: its values files are read through the scan
// root like every file of the tree (one outside it is an error, naming the
// config line). The command line's, added after them, win.
func ChartSettings(cfg *config.Config, u *discover.Unit) (values []helm.ValuesFile, set []string, errs []error) {
	dir := filepath.Join(u.Root.Dir(), filepath.FromSlash(u.Dir))
	if u.Archive {
		dir = filepath.Join(u.Root.Dir(), filepath.FromSlash(u.File))
	}
	for _, hc := range cfg.Helm {
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
				errs = append(errs, fmt.Errorf("%s:%d: helm values %s of chart %s not read: %v", cfg.Path, hc.Line, v, u.Display(u.Dir), confineWhy(err)))
				continue
			}
			values = append(values, helm.ValuesFile{Path: filepath.ToSlash(rel), Data: b})
		}
		set = append(set, hc.Set...)
	}
	return values, set, errs
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
