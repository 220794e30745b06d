package kustomize

import (
	"bytes"
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/shiplint/shiplint/internal/confine"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// vroot is where the scan root appears to krusty. Paths are virtual and
// lexical: "../" that climbs above vroot leaves it and is refused, and every
// read goes through confine, which refuses a symlink out of the root.
const vroot = "/scan-root"

// errReadOnly is what every write gets: rendering never changes the tree.
var errReadOnly = errors.New("the scanned tree is read-only to the renderer")

// confinedFS is a read-only filesys.FileSystem over a confine.Root, with
// in-memory replacements for the kustomization files we filtered.
type confinedFS struct {
	rt *confine.Root
	c  *Renderer
	// over holds filtered kustomization files by virtual path.
	over map[string][]byte
	// gen holds the resources rendered from helmCharts charts, by
	// scan-relative path (helmcharts.go); they are not inputs.
	gen map[string][]byte

	mu   sync.Mutex
	read map[string]bool // scan-relative paths read
}

var _ filesys.FileSystem = (*confinedFS)(nil)

func newFS(c *Renderer) *confinedFS {
	return &confinedFS{rt: c.rt, c: c, over: map[string][]byte{}, gen: map[string][]byte{}, read: map[string]bool{}}
}

// virt is the virtual path of a scan-relative slash path.
func virt(rel string) string { return path.Join(vroot, rel) }

// rel maps a virtual path back into the root; false when it lies outside.
func rel(p string) (string, bool) {
	p = filepath.ToSlash(p)
	if !path.IsAbs(p) {
		p = path.Join(vroot, p)
	}
	p = path.Clean(p)
	if p == vroot {
		return ".", true
	}
	if !strings.HasPrefix(p, vroot+"/") {
		return "", false
	}
	return p[len(vroot)+1:], true
}

func (f *confinedFS) check(p string) (*confine.Entry, error) {
	r, ok := rel(p)
	if !ok {
		return nil, &confine.Error{Name: p, Reason: confine.Outside}
	}
	if r == "." {
		return nil, errIsDir
	}
	return f.rt.Check(r)
}

var errIsDir = errors.New("is a directory")

func (f *confinedFS) isDir(p string) bool {
	if r, ok := rel(p); ok && r == "." {
		return true
	}
	_, err := f.check(p)
	return confine.IsDir(err)
}

func (f *confinedFS) Create(string) (filesys.File, error) { return nil, errReadOnly }
func (f *confinedFS) Mkdir(string) error                  { return errReadOnly }
func (f *confinedFS) MkdirAll(string) error               { return errReadOnly }
func (f *confinedFS) RemoveAll(string) error              { return errReadOnly }
func (f *confinedFS) WriteFile(string, []byte) error      { return errReadOnly }

func (f *confinedFS) Open(p string) (filesys.File, error) {
	b, err := f.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return &memFile{Reader: bytes.NewReader(b), name: path.Base(p), size: int64(len(b))}, nil
}

func (f *confinedFS) IsDir(p string) bool { return f.isDir(p) }

func (f *confinedFS) ReadDir(p string) ([]string, error) {
	return nil, errors.New("listing directories is not supported when rendering")
}

// CleanedAbs is lexical: the virtual tree has no symlinks of its own, and
// confine resolves the real ones when a file is read.
func (f *confinedFS) CleanedAbs(p string) (filesys.ConfirmedDir, string, error) {
	p = filepath.ToSlash(p)
	if !path.IsAbs(p) {
		p = path.Join(vroot, p)
	}
	p = path.Clean(p)
	if _, ok := rel(p); !ok {
		return "", "", &confine.Error{Name: p, Reason: confine.Outside}
	}
	if f.isDir(p) {
		return filesys.ConfirmedDir(p), "", nil
	}
	if !f.Exists(p) {
		return "", "", errors.New("'" + shown(p) + "' does not exist")
	}
	return filesys.ConfirmedDir(path.Dir(p)), path.Base(p), nil
}

func (f *confinedFS) Exists(p string) bool {
	if _, ok := f.over[path.Clean(p)]; ok {
		return true
	}
	if r, ok := rel(p); ok && f.gen[r] != nil {
		return true
	}
	if _, ok := rel(p); !ok {
		return false
	}
	_, err := f.check(p)
	return err == nil || !confine.IsMissing(err)
}

func (f *confinedFS) Glob(pattern string) ([]string, error) {
	return nil, errors.New("globs are not supported when rendering")
}

func (f *confinedFS) Walk(string, filepath.WalkFunc) error {
	return errors.New("walking directories is not supported when rendering")
}

func (f *confinedFS) ReadFile(p string) ([]byte, error) {
	p = path.Clean(filepath.ToSlash(p))
	if b, ok := f.over[p]; ok {
		return b, nil
	}
	r, ok := rel(p)
	if !ok {
		return nil, &confine.Error{Name: shown(p), Reason: confine.Outside}
	}
	return f.readRel(r)
}

// readRel reads a scan-relative file through the renderer's cache and
// records it as an input of this render.
func (f *confinedFS) readRel(r string) ([]byte, error) {
	if b, ok := f.gen[r]; ok {
		return b, nil
	}
	b, err := f.c.read(r)
	if err != nil {
		return nil, err
	}
	f.noteRead(r)
	return b, nil
}

// shown is a virtual path as the user sees it (relative to the scan root).
func shown(p string) string {
	if r, ok := rel(p); ok {
		return r
	}
	return p
}

type memFile struct {
	*bytes.Reader
	name string
	size int64
}

func (m *memFile) Write([]byte) (int, error) { return 0, errReadOnly }
func (m *memFile) Close() error              { return nil }
func (m *memFile) Stat() (os.FileInfo, error) {
	return fileInfo{name: m.name, size: m.size}, nil
}

type fileInfo struct {
	name string
	size int64
}

func (i fileInfo) Name() string       { return i.name }
func (i fileInfo) Size() int64        { return i.size }
func (i fileInfo) Mode() os.FileMode  { return 0o444 }
func (i fileInfo) ModTime() time.Time { return time.Time{} }
func (i fileInfo) IsDir() bool        { return false }
func (i fileInfo) Sys() any           { return nil }
