// Package discover finds the files to scan under the paths a user gives and
// decides what kind each one is, by name first and by content for YAML.
// Every file is read through package confine: a scan reads only regular
// files inside the roots it was given, within the size and byte budgets,
// and a candidate it does not read is reported, never silently passed.
package discover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/shiplint/shiplint/internal/compose"
	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/kubernetes"
	"github.com/shiplint/shiplint/internal/parallel"
)

// DefaultMaxFileSize is the size above which a file is not read.
const DefaultMaxFileSize = confine.DefaultMaxFileSize

// Options tune discovery.
type Options struct {
	// MaxFileSize in bytes; 0 means DefaultMaxFileSize. Ignored when
	// Reader is set.
	MaxFileSize int64
	// Reader reads every file, and the neighbours (.env, extends) the
	// files' parsers ask for; nil means one with MaxFileSize and the
	// default byte budget.
	Reader *confine.Reader
	// Root is the directory paths are shown relative to; "" means the
	// current directory.
	Root string
	// Found, when set, is told the kind of each file as soon as it is
	// known, from several goroutines at once: the scan starts compiling a
	// kind's rules while discovery goes on.
	Found func(document.Kind)
}

// File is one file to scan.
type File struct {
	// Path is slash-separated and relative to the root when under it.
	Path   string
	Kind   document.Kind
	Source []byte
	// Dir is the directory the file is in, on disk.
	Dir string
	// near says where the files beside this one are read from.
	near neighbours
}

// neighbours is where a file's .env and extends files are confined to:
// the scan root it was found under (dir is its directory inside it), or,
// for a file named on the command line, its own directory.
type neighbours struct {
	reader *confine.Reader
	root   *confine.Root // nil: open dir
	rel    string        // slash directory of the file inside root
}

// ReadFile reads a file relative to f's directory, confined to the scan
// root f was found under (or f's directory, for a file named on the
// command line). A file that must not be read is a *document.Refused; one
// that is not there wraps fs.ErrNotExist.
func (f *File) ReadFile(rel string) ([]byte, error) {
	var b []byte
	err := f.near.with(f.Dir, rel, func(rt *confine.Root, name string) error {
		var err error
		b, _, err = rt.ReadFile(name)
		return err
	})
	return b, err
}

// Identify names the file rel (relative to f's directory) resolves to,
// without reading it; its errors are ReadFile's.
func (f *File) Identify(rel string) (document.FileID, error) {
	var id document.FileID
	err := f.near.with(f.Dir, rel, func(rt *confine.Root, name string) error {
		e, err := rt.Check(name)
		if err == nil {
			id = document.FileID(e.ID())
		}
		return err
	})
	return id, err
}

func (n neighbours) with(dir, rel string, do func(*confine.Root, string) error) error {
	if n.reader == nil {
		return fmt.Errorf("%s: %w", rel, fs.ErrNotExist) // stdin: nothing beside it
	}
	if path.IsAbs(rel) || filepath.IsAbs(rel) {
		return &document.Refused{Msg: (&confine.Error{Name: rel, Reason: confine.Outside}).Why()}
	}
	rt := n.root
	if rt == nil {
		var err error
		if rt, err = n.reader.OpenRoot(dir); err != nil {
			return err
		}
		defer rt.Close()
	}
	return neighbourError(do(rt, path.Join(n.rel, filepath.ToSlash(rel))))
}

// neighbourError is what a parser is told: refused, or not there.
func neighbourError(err error) error {
	var ce *confine.Error
	switch {
	case err == nil:
		return nil
	case confine.IsMissing(err):
		return fmt.Errorf("%w", fs.ErrNotExist)
	case errors.As(err, &ce):
		return &document.Refused{Msg: ce.Why()}
	}
	return err
}

// Event is what the walk reports for each file it meets: a File to scan,
// a skipped file, a file not scanned, or an error reading a directory.
type Event struct {
	File    *File
	Skipped string // path of a YAML file that is neither Compose nor Kubernetes
	// NotScanned is a file named like one shiplint scans that it did not
	// read: outside the root through a symlink, not a regular file, over
	// the size limit or the byte budget, unreadable, a broken symlink.
	NotScanned *NotScanned
	// Unit is a Helm chart or Kustomize directory to render.
	Unit *Unit
	Err  error
}

// Unit is a directory holding a Chart.yaml (a Helm chart) or a
// kustomization file, found under a scanned directory.
type Unit struct {
	// Helm: a chart; otherwise a kustomization.
	Helm bool
	// Archive: a packaged chart, File is the .tgz (Dir is the directory
	// it is in, not a chart directory).
	Archive bool
	// Root is the scan root it was found under; Dir and File are
	// slash-separated and relative to it (Dir "." for the root itself).
	Root      *confine.Root
	Dir, File string
	// Display turns a path relative to Root into a path as shown in
	// findings (relative to the display root).
	Display func(rel string) string
}

// kustomizationNames are the file names kustomize looks for, in its order.
var kustomizationNames = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

// IsKustomization reports whether a file name is a kustomization's.
func IsKustomization(name string) bool {
	for _, n := range kustomizationNames {
		if name == n {
			return true
		}
	}
	return false
}

// NotScanned is a candidate file that was not read, and why.
type NotScanned struct {
	Path string
	// Kind by the file's name; "" for YAML that would have been sniffed.
	Kind document.Kind
	Why  string
}

// skipDirs are folders that hold other people's code or tool state.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, "vendor": true,
	"bower_components": true, ".venv": true, "venv": true, "__pycache__": true,
	".tox": true, ".terraform": true, ".idea": true, ".vscode": true,
}

// CheckPaths fails on the first path that does not exist, before any
// scanning starts: a typo must not pass as "no findings".
func CheckPaths(paths []string) error {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("cannot scan %s: %v", p, reason(err))
		}
	}
	return nil
}

func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Walk visits every path (file or directory, recursively) and calls yield
// for each file worth reporting, in lexical order. A root that is a
// symlink to a directory is walked (the user named it); directory symlinks
// met inside are not followed, so a symlink loop cannot trap the walk.
// Files are checked and charged to the byte budget in walk order (so which
// files a spent budget leaves out does not depend on timing), then read
// and classified on every core (reading is most of discovery's time), and
// reported in the order of the walk.
func Walk(paths []string, opt Options, yield func(Event) bool) {
	w := walker{opt: opt}
	w.cwd, _ = os.Getwd()
	if w.opt.Reader == nil {
		w.opt.Reader = confine.NewReader(confine.Limits{MaxFileSize: opt.MaxFileSize})
	}
	if w.opt.Root == "" {
		w.opt.Root = w.cwd
	}
	for _, p := range paths {
		w.walk(p)
	}
	for i := range w.items {
		w.check(&w.items[i])
	}
	events := make([]Event, len(w.items))
	parallel.Each(len(w.items), func(i int) {
		if it := w.items[i]; it.event != nil {
			events[i] = *it.event
		} else {
			events[i] = w.file(it)
		}
	})
	for _, e := range events {
		if e.File == nil && e.Skipped == "" && e.NotScanned == nil && e.Err == nil && e.Unit == nil {
			continue // nothing to report: a symlink to a directory
		}
		if !yield(e) {
			return
		}
	}
}

type walker struct {
	opt Options
	cwd string // read once: filepath.Abs asks the system for it on every call
	// items are what the walk met, in order: a file to read, or an event
	// already known (a directory that could not be read).
	items []item
}

type item struct {
	path  string // as shown to the user before display (joined to the root as given)
	root  *confine.Root
	name  string // inside root (nil root: the user's path, trusted)
	entry *confine.Entry
	event *Event
	// dirent is what the walk saw (nil for a path the user named).
	dirent fs.DirEntry
}

func (w *walker) walk(root string) {
	info, err := os.Stat(root) // follows a symlinked root: the user named it
	if err != nil {
		w.fail(fmt.Errorf("cannot read %s: %v", root, reason(err)))
		return
	}
	if !info.IsDir() {
		if candidate(filepath.Base(root)) {
			w.items = append(w.items, item{path: root, name: root})
		}
		return
	}
	rt, err := w.opt.Reader.OpenRoot(root)
	if err != nil {
		w.fail(err)
		return
	}
	// rt stays open while files found under it are scanned: their
	// parsers read .env and extends files through it. It closes itself
	// once nothing refers to it.
	err = filepath.WalkDir(rt.Dir(), func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(rt.Dir(), p)
		shown := filepath.Join(root, rel)
		switch {
		case err != nil:
			w.fail(fmt.Errorf("cannot read %s: %v", w.display(shown), reason(err)))
		case d.IsDir():
			if p != rt.Dir() && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
		case d.Name() == "Chart.yaml" || IsKustomization(d.Name()):
			w.unit(root, rt, rel, d.Name() == "Chart.yaml")
			if candidate(d.Name()) {
				w.items = append(w.items, item{path: shown, root: rt, name: rel, dirent: d})
			}
		case strings.HasSuffix(d.Name(), ".tgz") && d.Type().IsRegular():
			// A packaged chart; one inside a chart directory renders
			// with that chart (cmd/shiplint leaves it out).
			w.unit(root, rt, rel, true)
			w.items[len(w.items)-1].event.Unit.Archive = true
		case candidate(d.Name()):
			w.items = append(w.items, item{path: shown, root: rt, name: rel, dirent: d})
		}
		return nil
	})
	if err != nil {
		w.fail(err)
	}
}

// unit records a chart or kustomization directory (file is the path of
// its Chart.yaml or kustomization inside rt).
func (w *walker) unit(root string, rt *confine.Root, file string, helm bool) {
	file = filepath.ToSlash(file)
	display := func(rel string) string { return w.display(filepath.Join(root, filepath.FromSlash(rel))) }
	u := &Unit{Helm: helm, Root: rt, Dir: path.Dir(file), File: file, Display: display}
	w.items = append(w.items, item{event: &Event{Unit: u}})
}

func (w *walker) fail(err error) {
	w.items = append(w.items, item{event: &Event{Err: err}})
}

// candidate reports whether a file is worth opening: only names shiplint
// scans are opened at all.
func candidate(name string) bool {
	_, byName := KindOfName(name)
	return byName || isYAML(name) || isJSON(name) && !notManifest(name)
}

// check looks at an item without opening it and charges it to the byte
// budget; in walk order, so the budget is spent the same way every run.
func (w *walker) check(it *item) {
	if it.event != nil {
		return
	}
	var err error
	switch {
	case it.dirent != nil && it.dirent.Type().IsRegular():
		// A regular file the walk met: its lstat is its stat.
		var info fs.FileInfo
		if info, err = it.dirent.Info(); err == nil {
			it.entry, err = it.root.CheckListed(it.name, info)
		} else {
			it.entry, err = it.root.Check(it.name)
		}
	case it.root != nil:
		it.entry, err = it.root.Check(it.name)
	default:
		it.entry, err = w.opt.Reader.CheckPath(it.name)
	}
	if err == nil {
		err = it.entry.Reserve()
	}
	switch {
	case err == nil:
	case confine.IsDir(err):
		it.event = &Event{} // a directory symlink: not followed, not a finding
	default:
		it.event = w.notScanned(it.path, err)
	}
}

func (w *walker) notScanned(p string, err error) *Event {
	why := err.Error()
	var ce *confine.Error
	if errors.As(err, &ce) {
		why = ce.Why()
		if ce.Reason == confine.Missing {
			why = "it is a symlink to a missing file"
		}
	}
	kind, _ := KindOfName(filepath.Base(p))
	return &Event{NotScanned: &NotScanned{Path: w.display(p), Kind: kind, Why: why}}
}

// file reads and classifies one checked file. Files named explicitly are
// scanned like files found in a directory; only their YAML content is
// sniffed.
func (w *walker) file(it item) Event {
	src, err := it.entry.Read()
	if err != nil {
		return *w.notScanned(it.path, err)
	}
	shown := w.display(it.path)
	kind, byName := KindOfName(filepath.Base(it.path))
	switch {
	case byName:
	case isJSON(it.path):
		if !kubernetes.LooksJSON(src) {
			// package.json, tsconfig, schemas, data: JSON is scanned only
			// when it is a manifest, and other JSON is not worth a word.
			return Event{}
		}
		kind = document.Kubernetes
	default:
		k, ok := KindOfContent(src)
		if !ok && composeByContent(filepath.Base(it.path), src) {
			k, ok = document.Compose, true
		}
		if !ok {
			return Event{Skipped: shown}
		}
		kind = k
	}
	if w.opt.Found != nil {
		w.opt.Found(kind)
	}
	near := neighbours{reader: w.opt.Reader, root: it.root}
	if it.root != nil {
		near.rel = path.Dir(filepath.ToSlash(it.name))
	}
	return Event{File: &File{Path: shown, Kind: kind, Source: src, Dir: filepath.Dir(it.path), near: near}}
}

// display is the path shown to the user: relative to the root when under
// it, otherwise as given; always with forward slashes.
func (w *walker) display(p string) string {
	abs := filepath.Clean(p)
	if !filepath.IsAbs(abs) && w.cwd != "" {
		abs = filepath.Join(w.cwd, abs)
	}
	if filepath.IsAbs(abs) {
		if rel, err := filepath.Rel(w.opt.Root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// KindOfName classifies a file by its base name alone.
func KindOfName(name string) (document.Kind, bool) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".dockerignore"):
		return "", false
	case lower == "dockerfile", strings.HasPrefix(lower, "dockerfile."),
		strings.HasSuffix(lower, ".dockerfile"), strings.HasPrefix(lower, "containerfile"):
		return document.Dockerfile, true
	case isYAML(lower) && isComposeName(lower):
		return document.Compose, true
	}
	return "", false
}

func isComposeName(lower string) bool {
	stem := strings.TrimSuffix(strings.TrimSuffix(lower, ".yaml"), ".yml")
	// fig.yml is what the legacy format was first called (Fig, before
	// Docker Compose).
	return stem == "compose" || strings.HasPrefix(stem, "docker-compose") || strings.HasPrefix(stem, "compose.") || stem == "fig"
}

// composeByContent decides whether YAML named like neither a Compose file
// nor anything else shiplint reads is Compose by its shape (compose.Looks:
// every service a mapping of service keys only, with an image or a build).
// Helm values files are never Compose: a chart's values may well look like
// services (sidecar: {image: busybox}) and are checked through rendering.
func composeByContent(name string, src []byte) bool {
	if strings.HasPrefix(strings.ToLower(name), "values") {
		return false
	}
	return compose.Looks(src)
}

// isJSON: a .json file is a Kubernetes manifest when its content says so
// (kubectl applies JSON manifests; Compose files in JSON are not scanned).
func isJSON(name string) bool {
	return strings.EqualFold(path.Ext(name), ".json")
}

// notManifest are JSON files of other tools, by name: never manifests, so
// not read at all (nor charged to the byte budget).
func notManifest(name string) bool {
	lower := strings.ToLower(name)
	switch lower {
	case "package.json", "package-lock.json", "npm-shrinkwrap.json", "composer.json", "bower.json",
		"jsconfig.json", "lerna.json", "nx.json", "angular.json", "turbo.json", "deno.json",
		"renovate.json", "devcontainer.json", ".devcontainer.json", "cdk.json", "tslint.json",
		".eslintrc.json", "appsettings.json", "launchsettings.json":
		return true
	}
	return strings.HasPrefix(lower, "tsconfig") || strings.HasSuffix(lower, ".schema.json") ||
		strings.HasPrefix(lower, "appsettings.")
}

func isYAML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}
