package lsp

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/render/helm"
	"github.com/shiplint/shiplint/internal/render/kustomize"
	"github.com/shiplint/shiplint/internal/renderunit"
	"github.com/shiplint/shiplint/internal/safetext"
)

// A document inside a Helm chart or a Kustomize overlay is checked the way
// `shiplint scan` checks it: the chart or overlay is rendered, with the
// open documents' unsaved text in place of the files on disk, and every
// open document of the unit gets the findings that landed on it. A
// template is not YAML until rendered, and a patch fragment is not a
// manifest on its own, so scanning either alone would report nonsense.

// unitRef is the chart or overlay a document belongs to.
type unitRef struct {
	helm bool
	// root is the directory renders are confined to (a real path): the
	// workspace folder or the repository root holding the document,
	// whichever is deeper.
	root string
	// base is the directory findings' paths are relative to: the space's
	// boundary (the repository root), or root when root is not inside it
	// (a workspace folder that is no repository). prefix is root
	// relative to base ("." when the same), so paths relative to root
	// become the paths findings show.
	base, prefix string
	// dir and file (Chart.yaml or the kustomization) are slash paths
	// relative to root.
	dir, file string
}

func (u unitRef) key() string { return u.root + "\x00" + u.file }

// display is the path a finding shows for rel (relative to root).
func (u unitRef) display(rel string) string { return path.Join(u.prefix, rel) }

// realFile resolves the symbolic links of a file's directory (the file
// itself may not exist yet).
func realFile(file string) string {
	dir, err := filepath.EvalSymlinks(filepath.Dir(file))
	if err != nil {
		return filepath.Clean(file)
	}
	return filepath.Join(dir, filepath.Base(file))
}

// relInside is file relative to root, slash-separated; false when it is
// not inside.
func relInside(root, file string) (string, bool) {
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// unitRoot is the directory a document's unit is looked for in and
// rendered within, as a real path: the deepest of the repository root and
// the workspace folder holding the document (either may be missing; with
// neither, the document's directory, the space's boundary then).
func (s *Server) unitRoot(sp *space, file string) (string, bool) {
	root := ""
	if _, err := os.Lstat(filepath.Join(sp.boundary, ".git")); err == nil {
		root = sp.boundary
	}
	s.mu.Lock()
	folders := s.folders
	s.mu.Unlock()
	for _, f := range folders {
		if _, ok := relInside(f, file); ok && len(f) > len(root) {
			root = f
		}
	}
	if root == "" {
		root = sp.boundary
	}
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", false
	}
	return real, true
}

// unitOf finds the chart or overlay file belongs to, as scan decides: a
// file under a directory with Chart.yaml belongs to the nearest such
// chart (a chart vendored in another's charts/ renders with its parent);
// otherwise a file under a directory with a kustomization belongs to the
// nearest one. Only directories inside the unit root are looked at.
func (s *Server) unitOf(sp *space, file string) (unitRef, bool) {
	root, ok := s.unitRoot(sp, file)
	if !ok {
		return unitRef{}, false
	}
	real := realFile(file)
	rel, ok := relInside(root, real)
	if !ok {
		return unitRef{}, false
	}
	base, prefix := root, "."
	if b, err := filepath.EvalSymlinks(sp.boundary); err == nil {
		if p, ok := relInside(b, root); ok {
			base, prefix = sp.boundary, p
		}
	}
	var charts []string // chart directories above the file, nearest first
	kust, kustFile := "", ""
	for d := path.Dir(rel); ; d = path.Dir(d) {
		abs := filepath.Join(root, filepath.FromSlash(d))
		if regular(filepath.Join(abs, "Chart.yaml")) {
			charts = append(charts, d)
		}
		if kust == "" {
			for _, n := range kustomize.KustFileNames {
				if regular(filepath.Join(abs, n)) {
					kust, kustFile = d, path.Join(d, n)
					break
				}
			}
		}
		if d == "." {
			break
		}
	}
	var u unitRef
	switch {
	case len(charts) > 0:
		i := 0
		for i+1 < len(charts) && path.Base(path.Dir(charts[i])) == "charts" {
			i++
		}
		u = unitRef{helm: true, root: root, base: base, prefix: prefix, dir: charts[i], file: path.Join(charts[i], "Chart.yaml")}
	case kust != "":
		if k, ok := discover.KindOfName(path.Base(rel)); ok && k == document.Dockerfile {
			// No overlay reads a Dockerfile: it is a file of its own,
			// checked without rendering the overlay on every keystroke.
			return unitRef{}, false
		}
		u = unitRef{root: root, base: base, prefix: prefix, dir: kust, file: kustFile}
	default:
		return unitRef{}, false
	}
	// An excluded chart or overlay is left out by scan: its files are
	// then plain files.
	return u, !sp.cfg.Excluded(u.display(u.file))
}

func regular(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// under reports whether rel (relative to the unit root) is in the unit's
// directory.
func (u unitRef) under(rel string) bool {
	return u.dir == "." || rel == u.dir || strings.HasPrefix(rel, u.dir+"/")
}

// member is an open document of a unit, as it was when the render began.
type member struct {
	d       *buffer
	rel     string // relative to the unit root
	text    string
	version int32
	gen     int
}

// publication is the findings to publish for one open document.
type publication struct {
	m  member
	fs []finding.Finding
	// base is the directory the findings' paths are relative to; "" for
	// the space's boundary.
	base string
}

// snapshotUnit takes the text of the open documents for the render of u:
// those in the unit's directory (its files, and new ones not yet saved),
// and, for an overlay, the other open files inside the root that exist on
// disk (a base or a patch it reads from elsewhere). It returns them, the
// overlay for the root, and the sequence number of this render. Called
// with s.mu held.
func (s *Server) snapshotUnit(u unitRef) ([]member, map[string][]byte, int) {
	var ms []member
	over := map[string][]byte{}
	for _, d := range s.docs {
		rel, ok := relInside(u.root, realFile(d.path))
		if !ok {
			continue
		}
		in := u.under(rel)
		if !in && (u.helm || !regular(d.path)) {
			continue
		}
		over[rel] = []byte(d.text)
		if in {
			ms = append(ms, member{d: d, rel: rel, text: d.text, version: d.version, gen: d.gen})
		}
	}
	s.unitSeq[u.key()]++
	return ms, over, s.unitSeq[u.key()]
}

// scanUnit renders the unit of d with the open documents' text and
// returns the findings of each open document of the unit. ok is false when
// nothing must be published (past the deadline, a broken config).
func (s *Server) scanUnit(sp *space, u unitRef, d *buffer, gen int) ([]publication, int, bool) {
	s.mu.Lock()
	ms, over, seq := s.snapshotUnit(u)
	s.mu.Unlock()
	self := -1
	for i, m := range ms {
		if m.d == d {
			self = i
			ms[i].gen = gen
		}
	}
	if self < 0 {
		return nil, seq, false // closed meanwhile
	}

	reader := confine.NewReader(confine.Limits{MaxFileSize: sp.cfg.MaxFileSize})
	base, err := reader.OpenRoot(u.root)
	if err != nil {
		s.logMessage(protocol.MessageTypeError, "shiplint: "+safetext.Line(err.Error()))
		return nil, seq, false
	}
	defer base.Close()
	rt := base.WithOverlay(over)
	du := &discover.Unit{Helm: u.helm, Root: rt, Dir: u.dir, File: u.file, Display: u.display}
	shownFile := u.display(u.file)
	lines := renderunit.NewLines(rt)
	var unit *checks.Unit
	if u.helm {
		opts := helm.Options{}
		var errs []error
		opts.Values, opts.Set, errs = renderunit.ChartSettings(sp.cfg, du)
		for _, e := range errs {
			s.logMessage(protocol.MessageTypeWarning, "shiplint: "+safetext.Line(e.Error()))
		}
		unit = renderunit.Chart(du, opts, lines)
	} else {
		unit = renderunit.Overlay(kustomize.New(rt), du, lines)
	}
	res, ok := s.runScan(shownFile, sp, checks.File{Path: shownFile, Unit: unit})
	if !ok {
		return nil, seq, false
	}
	consumed := map[string]bool{}
	for _, c := range res.Consumed {
		consumed[c] = true
	}
	byPath := map[string][]finding.Finding{}
	for _, f := range finding.Active(res.Findings) {
		// A rule's fix edits the rendered text, which is in no file.
		f.Fix = nil
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	// The document that changed comes first.
	ms[0], ms[self] = ms[self], ms[0]
	var out []publication
	for _, m := range ms {
		shown := u.display(m.rel)
		fs := byPath[shown]
		if !u.helm && !consumed[shown] {
			// Not read by the overlay (or the overlay did not build): it
			// is a file of its own, as scan checks it.
			plain, ok := s.scanPlain(sp, m.d.path, shown, m.text)
			if !ok {
				if m.d != d {
					continue
				}
				return nil, seq, false
			}
			fs = append(fs, plain...)
		}
		finding.Sort(fs)
		out = append(out, publication{m: m, fs: fs, base: u.base})
	}
	return out, seq, true
}

// runScan runs the engine over one file or unit within the deadline. ok
// is false when the result must not be published.
func (s *Server) runScan(shown string, sp *space, f checks.File) (checks.FileResult, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), s.opt.Deadline)
	defer cancel()
	done := make(chan checks.FileResult, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				s.logMessage(protocol.MessageTypeError, fmt.Sprintf("shiplint: internal error scanning %s: %v", safetext.Line(shown), r))
				close(done)
			}
		}()
		done <- sp.pack.ScanFile(ctx, f, checks.ScanOptions{Workers: 1, EvalTimeout: s.opt.Deadline})
	}()
	select {
	case res, got := <-done:
		if !got {
			return res, false
		}
		if ctx.Err() != nil {
			s.logMessage(protocol.MessageTypeWarning, fmt.Sprintf("shiplint: %s was not scanned: past the %s deadline", safetext.Line(shown), s.opt.Deadline))
			return res, false
		}
		for _, n := range res.Notifications {
			s.logMessage(protocol.MessageTypeWarning, "shiplint: "+safetext.Line(n.Message))
		}
		return res, true
	case <-ctx.Done():
		s.logMessage(protocol.MessageTypeWarning, fmt.Sprintf("shiplint: %s was not scanned: past the %s deadline", safetext.Line(shown), s.opt.Deadline))
		return checks.FileResult{}, false
	}
}
