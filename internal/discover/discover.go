// Package discover finds the files to scan under the paths a user gives and
// decides what kind each one is, by name first and by content for YAML.
package discover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/parallel"
)

// DefaultMaxFileSize is the size above which a file is not read: no real
// Dockerfile, Compose file or manifest comes near it, and it bounds memory.
const DefaultMaxFileSize = 8 << 20

// Options tune discovery.
type Options struct {
	// MaxFileSize in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
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
}

// ReadFile reads a file relative to f's directory, refusing paths that are
// absolute (a rule input must not depend on files outside the project by
// accident) and files over the size limit.
func (f *File) ReadFile(rel string) ([]byte, error) {
	if filepath.IsAbs(rel) {
		return nil, fmt.Errorf("%s: absolute path not followed", rel)
	}
	p := filepath.Join(f.Dir, filepath.FromSlash(rel))
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if info.Size() > DefaultMaxFileSize {
		return nil, fmt.Errorf("%s: over the %d-byte limit", rel, DefaultMaxFileSize)
	}
	return os.ReadFile(p)
}

// Event is what the walk reports for each file it meets: a File to scan,
// a skipped file, a warning, or an error reading one.
type Event struct {
	File    *File
	Skipped string // path of a YAML file that is neither Compose nor Kubernetes
	// Warning is a file left out for a reason that should not fail the
	// run: over the size limit, a broken symlink.
	Warning string
	Err     error
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
// for each file worth reporting, in lexical order. Directory symlinks are
// not followed, so a symlink loop cannot trap the walk. Files are read and
// classified on every core (reading is most of discovery's time), and
// reported in the order of the walk.
func Walk(paths []string, opt Options, yield func(Event) bool) {
	w := walker{opt: opt}
	w.cwd, _ = os.Getwd()
	if w.opt.MaxFileSize <= 0 {
		w.opt.MaxFileSize = DefaultMaxFileSize
	}
	if w.opt.Root == "" {
		w.opt.Root, _ = os.Getwd()
	}
	for _, p := range paths {
		w.walk(p)
	}
	events := make([]Event, len(w.items))
	parallel.Each(len(w.items), func(i int) {
		if it := w.items[i]; it.event != nil {
			events[i] = *it.event
		} else {
			events[i] = w.file(it.path, it.explicit)
		}
	})
	for _, e := range events {
		if e.File == nil && e.Skipped == "" && e.Warning == "" && e.Err == nil {
			continue // nothing to report: not a regular file
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
	path     string
	explicit bool
	event    *Event
}

func (w *walker) walk(root string) {
	info, err := os.Stat(root)
	if err != nil {
		w.items = append(w.items, item{event: &Event{Err: fmt.Errorf("cannot read %s: %v", root, reason(err))}})
		return
	}
	if !info.IsDir() {
		w.items = append(w.items, item{path: root, explicit: true})
		return
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			w.items = append(w.items, item{event: &Event{Err: fmt.Errorf("cannot read %s: %v", w.display(p), reason(err))}})
		case d.IsDir():
			if p != root && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
		default:
			if _, byName := KindOfName(d.Name()); byName || isYAML(d.Name()) {
				w.items = append(w.items, item{path: p})
			}
		}
		return nil
	})
	if err != nil {
		w.items = append(w.items, item{event: &Event{Err: err}})
	}
}

// file classifies and reads one file. Files named explicitly are scanned
// like files found in a directory; only their YAML content is sniffed. The
// zero Event means there is nothing to report.
func (w *walker) file(p string, explicit bool) Event {
	name := filepath.Base(p)
	kind, byName := KindOfName(name)
	yaml := isYAML(name)
	if !byName && !yaml {
		return Event{}
	}
	shown := w.display(p)
	info, err := os.Stat(p) // follows file symlinks; reports broken ones
	if err != nil {
		if l, lerr := os.Lstat(p); lerr == nil && l.Mode()&os.ModeSymlink != 0 {
			return Event{Warning: fmt.Sprintf("%s: skipped, a symlink to a missing file", shown)}
		}
		return Event{Err: fmt.Errorf("cannot read %s: %v", shown, reason(err))}
	}
	if !info.Mode().IsRegular() {
		return Event{}
	}
	if info.Size() > w.opt.MaxFileSize {
		return Event{Warning: fmt.Sprintf("%s: skipped, %d bytes is over the %d-byte limit (--max-file-size)", shown, info.Size(), w.opt.MaxFileSize)}
	}
	src, err := os.ReadFile(p)
	if err != nil {
		return Event{Err: fmt.Errorf("cannot read %s: %v", shown, reason(err))}
	}
	if !byName {
		k, ok := KindOfContent(src)
		if !ok {
			return Event{Skipped: shown}
		}
		kind = k
	}
	if w.opt.Found != nil {
		w.opt.Found(kind)
	}
	return Event{File: &File{Path: shown, Kind: kind, Source: src, Dir: filepath.Dir(p)}}
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
	return stem == "compose" || strings.HasPrefix(stem, "docker-compose") || strings.HasPrefix(stem, "compose.")
}

func isYAML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}
