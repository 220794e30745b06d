// Package confine is the only way shiplint opens a file because of what a
// scanned repository holds: a discovered file, a Compose file's .env or
// extends file, a config or policy file found in the tree. The repository
// is untrusted (a pull request from a fork), so a file is read only when,
// after following symlinks, it lies inside a root the user named, is a
// regular file (never a FIFO or device, which could block or never end),
// and fits the per-file limit and the scan's byte budget. Errors say which
// of those failed without saying anything about a target outside the root:
// a link to /etc/shadow and a link to /nonexistent read the same.
package confine

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
)

// DefaultMaxFileSize is the size above which a file is not read: no real
// Dockerfile, Compose file or manifest comes near it, and it bounds memory.
const DefaultMaxFileSize = 8 << 20

// DefaultMaxTotal is how many bytes one scan reads at most, every file
// together: far above a real repository's manifests (the largest measured,
// a 5,000-resource stream, is 6 MB), and what keeps a tree of many files
// each just under the per-file limit from holding gigabytes at once.
const DefaultMaxTotal = 256 << 20

// Limits bound what a Reader reads.
type Limits struct {
	// MaxFileSize per file in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// MaxTotal bytes over the whole scan; 0 means DefaultMaxTotal.
	MaxTotal int64
}

// Reader reads files for one scan and charges them to its byte budget. It
// is safe for use from several goroutines.
type Reader struct {
	maxFile, maxTotal int64
	used              atomic.Int64
	spent             atomic.Bool
	// OnRead, when set, is called with the identity of every file read
	// (tests count reads with it). It is called from several goroutines.
	OnRead func(ID)
}

// NewReader returns a Reader with the given limits.
func NewReader(l Limits) *Reader {
	r := &Reader{maxFile: l.MaxFileSize, maxTotal: l.MaxTotal}
	if r.maxFile <= 0 {
		r.maxFile = DefaultMaxFileSize
	}
	if r.maxTotal <= 0 {
		r.maxTotal = DefaultMaxTotal
	}
	return r
}

// MaxFileSize is the per-file limit in bytes.
func (r *Reader) MaxFileSize() int64 { return r.maxFile }

// ID is a file's identity on disk (device and inode): two paths that name
// one file, however spelled or linked, have the same ID. Zero when the
// system does not tell.
type ID struct{ Dev, Ino uint64 }

// Reason is why a file was not read.
type Reason int

// The reasons a file is refused.
const (
	// Outside: it resolves, after symlinks, outside the root (or is an
	// absolute path). Nothing outside the root was looked at.
	Outside Reason = iota + 1
	// NotRegular: a FIFO, device, socket or directory.
	NotRegular
	// TooLarge: over the per-file limit.
	TooLarge
	// BudgetSpent: the scan's byte budget is spent.
	BudgetSpent
	// Missing: no such file inside the root (a broken symlink, say).
	Missing
	// Unreadable: inside the root but cannot be opened or read.
	Unreadable
	// Metadata: it resolves into version-control metadata (.git), which
	// can hold the CI job's credentials.
	Metadata
)

// Error is a file that was not read. Its text names the file as it was
// asked for (a name from the repository) and the reason, never content and
// never anything about a target outside the root.
type Error struct {
	Name   string
	Reason Reason
	detail string
}

func (e *Error) Error() string { return e.Name + ": " + e.Why() }

// Why says why the file was not read, in words for the user.
func (e *Error) Why() string {
	switch e.Reason {
	case Outside:
		return "it leads out of the scanned directory (an absolute path, a path that climbs out with .., or a symlink pointing out of it); only files inside it are read"
	case NotRegular:
		return fmt.Sprintf("it is %s, not a regular file; only regular files are read", e.detail)
	case TooLarge:
		return e.detail
	case BudgetSpent:
		return e.detail
	case Missing:
		return "no such file inside the scanned directory"
	case Metadata:
		return "it resolves into version-control metadata (" + e.detail + "), which can hold credentials; such files are never read"
	}
	return "it cannot be read: " + e.detail
}

// IsDir reports whether err is a directory met where a file was asked for
// (a symlink to a directory, found while walking: not followed, not
// reported).
func IsDir(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Reason == NotRegular && e.detail == dirName
}

// IsMissing reports whether err is a file that does not exist inside its
// root.
func IsMissing(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Reason == Missing
}

// vcsDirs hold version-control state; .git/config holds the token that
// actions/checkout leaves behind.
var vcsDirs = map[string]bool{".git": true, ".hg": true, ".svn": true}

// Root is a directory files are confined to.
type Root struct {
	r    *Reader
	dir  string // real path (symlinks resolved)
	root *os.Root
	// over are the bytes that replace files' content (WithOverlay), by
	// clean slash path relative to dir; nil for a root on disk.
	over map[string][]byte
}

// WithOverlay returns a view of rt in which the files named in over (slash
// paths relative to rt) read as the given bytes instead of what is on
// disk: an editor's unsaved buffers. Confinement does not change: a name
// is looked at, opened and refused exactly as without the overlay (outside
// the root, through a symlink that leads out, under .git, not a regular
// file, over the size limit or the budget), and only then are the overlay's
// bytes returned instead of the file's. A name with no file on disk reads
// from the overlay when its directory exists inside the root (a new file
// not yet saved). Names that are absolute or climb out with ".." are
// dropped: no read could reach them. The view shares rt's directory:
// closing it does nothing, close rt.
func (rt *Root) WithOverlay(over map[string][]byte) *Root {
	v := &Root{r: rt.r, dir: rt.dir, root: rt.root, over: map[string][]byte{}}
	for name, b := range over {
		clean := path.Clean(filepath.ToSlash(name))
		if path.IsAbs(clean) || filepath.IsAbs(name) || clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
			continue
		}
		v.over[clean] = b
	}
	return v
}

// overlay returns the bytes that replace name's content, if any.
func (rt *Root) overlay(name string) ([]byte, bool) {
	if rt == nil || rt.over == nil {
		return nil, false
	}
	b, ok := rt.over[filepath.ToSlash(name)]
	return b, ok
}

// OpenRoot opens dir as a root. dir is trusted as given (the user named
// it): a symlink to a directory is followed, once.
func (r *Reader) OpenRoot(dir string) (*Root, error) {
	// Absolute first: a relative path resolves against the working
	// directory, whose path (from $PWD) may itself run through a link.
	real, err := filepath.Abs(dir)
	if err == nil {
		real, err = filepath.EvalSymlinks(real)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", dir, pathErr(err))
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", dir, pathErr(err))
	}
	return &Root{r: r, dir: real, root: root}, nil
}

// Dir is the root's real path.
func (rt *Root) Dir() string { return rt.dir }

// Close releases the root's directory (not for a WithOverlay view).
func (rt *Root) Close() error {
	if rt.over != nil {
		return nil
	}
	return rt.root.Close()
}

// Entry is a file that passed the checks made without opening it: it is
// inside its root (or was named by the user), regular and within the size
// limit. Read opens it and checks again.
type Entry struct {
	r    *Reader
	root *Root  // nil for a path the user named
	name string // relative to root, or the user's path
	// listed: a regular file a walk of the root met (CheckListed), opened
	// by its real path with O_NOFOLLOW rather than through os.Root.
	listed bool
	size   int64
	id     ID
	// reserved is what Reserve charged to the budget.
	reserved int64
	// unsaved: only in its root's overlay (no file on disk yet).
	unsaved bool
}

// ID is the file's identity.
func (e *Entry) ID() ID { return e.id }

// Size is the file's size when it was checked.
func (e *Entry) Size() int64 { return e.size }

// Check looks at name (slash or OS separators, relative to the root)
// without opening it.
func (rt *Root) Check(name string) (*Entry, error) {
	clean := filepath.Clean(filepath.FromSlash(name))
	if filepath.IsAbs(clean) || filepath.IsAbs(filepath.FromSlash(name)) {
		return nil, &Error{Name: name, Reason: Outside}
	}
	if d := vcsDir(clean); d != "" {
		return nil, &Error{Name: name, Reason: Metadata, detail: d}
	}
	info, err := rt.root.Stat(clean)
	if err != nil {
		err = rt.r.openError(name, err)
		if b, ok := rt.overlay(clean); ok && IsMissing(err) {
			return rt.unsaved(clean, name, b, err)
		}
		return nil, err
	}
	return rt.r.entry(rt, clean, name, info)
}

// unsaved is the entry of an overlay file with no file on disk: allowed
// only where a file could be created, in a directory inside the root (the
// directory is looked up through os.Root like any name).
func (rt *Root) unsaved(clean, name string, b []byte, missing error) (*Entry, error) {
	dir, err := rt.root.Stat(filepath.Dir(clean))
	if err != nil || !dir.IsDir() {
		return nil, missing
	}
	if int64(len(b)) > rt.r.maxFile {
		return nil, &Error{Name: name, Reason: TooLarge, detail: fmt.Sprintf("its %d bytes are over the %d-byte limit (--max-file-size)", len(b), rt.r.maxFile)}
	}
	return &Entry{r: rt.r, root: rt, name: clean, size: int64(len(b)), unsaved: true}, nil
}

// CheckListed is Check for a file a walk of the root's real directory met
// as a regular file (info from its lstat, not a symlink): no symlink lies on
// its path (the walk follows none), so it is opened directly, with
// O_NOFOLLOW, instead of resolving every directory of its path again
// through os.Root. That halves discovery's time on a large tree. A symlink
// met by the walk goes through Check.
func (rt *Root) CheckListed(name string, info fs.FileInfo) (*Entry, error) {
	if !info.Mode().IsRegular() {
		return rt.Check(name)
	}
	e, err := rt.r.entry(rt, filepath.Clean(name), name, info)
	if err == nil {
		e.listed = true
	}
	return e, err
}

// CheckPath looks at a file the user named (a scan root, --config,
// --policy): trusted as given, but still only a regular file within the
// size limit is read.
func (r *Reader) CheckPath(path string) (*Entry, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, r.openError(path, err)
	}
	return r.entry(nil, path, path, info)
}

func (r *Reader) entry(rt *Root, name, shown string, info fs.FileInfo) (*Entry, error) {
	if err := r.admit(shown, info); err != nil {
		return nil, err
	}
	return &Entry{r: r, root: rt, name: name, size: info.Size(), id: idOf(info)}, nil
}

// admit refuses what is not a regular file within the limit.
func (r *Reader) admit(name string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return &Error{Name: name, Reason: NotRegular, detail: typeName(info.Mode())}
	}
	if info.Size() > r.maxFile {
		return &Error{Name: name, Reason: TooLarge, detail: fmt.Sprintf("its %d bytes are over the %d-byte limit (--max-file-size)", info.Size(), r.maxFile)}
	}
	return nil
}

// Reserve charges the entry's size to the scan's byte budget. Once a
// reservation does not fit, the budget is spent and every later one is
// refused too: the files refused are then the last ones asked for.
func (e *Entry) Reserve() error {
	if e.reserved > 0 || e.size == 0 {
		return nil
	}
	if !e.r.charge(e.size) {
		return e.r.spentError(e.shown())
	}
	e.reserved = e.size
	return nil
}

func (r *Reader) charge(n int64) bool {
	if r.spent.Load() {
		return false
	}
	if r.used.Add(n) > r.maxTotal {
		r.used.Add(-n)
		r.spent.Store(true)
		return false
	}
	return true
}

func (r *Reader) spentError(name string) error {
	return &Error{Name: name, Reason: BudgetSpent, detail: fmt.Sprintf("the scan's byte budget is spent (%d bytes read in all at most)", r.maxTotal)}
}

func (e *Entry) shown() string { return filepath.ToSlash(e.name) }

// Read opens the entry without blocking (a FIFO swapped in since Check
// opens at once), checks again that it is a regular file within the
// limits, and reads it. Bytes beyond what Reserve charged are charged now.
func (e *Entry) Read() ([]byte, error) {
	over, overlaid := e.root.overlay(e.name)
	if e.unsaved {
		if extra := int64(len(over)) - e.reserved; extra > 0 && !e.r.charge(extra) {
			return nil, e.r.spentError(e.shown())
		}
		return over, nil
	}
	f, err := e.open()
	if err != nil {
		return nil, e.r.openError(e.shown(), err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, &Error{Name: e.shown(), Reason: Unreadable, detail: "its status cannot be read"}
	}
	if err := e.r.admit(e.shown(), info); err != nil {
		return nil, err
	}
	if err := e.inside(f); err != nil {
		return nil, err
	}
	if overlaid {
		// The file passed every check: its replacement is read instead,
		// within the same limits.
		if int64(len(over)) > e.r.maxFile {
			return nil, &Error{Name: e.shown(), Reason: TooLarge, detail: fmt.Sprintf("its %d bytes are over the %d-byte limit (--max-file-size)", len(over), e.r.maxFile)}
		}
		if extra := int64(len(over)) - e.reserved; extra > 0 && !e.r.charge(extra) {
			return nil, e.r.spentError(e.shown())
		}
		if e.r.OnRead != nil {
			e.r.OnRead(idOf(info))
		}
		return over, nil
	}
	if extra := info.Size() - e.reserved; extra > 0 && !e.r.charge(extra) {
		return nil, e.r.spentError(e.shown())
	}
	b, err := readLimited(f, info.Size(), e.r.maxFile)
	if err != nil {
		return nil, &Error{Name: e.shown(), Reason: Unreadable, detail: "a read failed"}
	}
	if int64(len(b)) > e.r.maxFile {
		return nil, &Error{Name: e.shown(), Reason: TooLarge, detail: fmt.Sprintf("it grew over the %d-byte limit (--max-file-size) while being read", e.r.maxFile)}
	}
	if e.r.OnRead != nil {
		e.r.OnRead(idOf(info))
	}
	return b, nil
}

func (e *Entry) open() (*os.File, error) {
	switch {
	case e.root == nil:
		return os.OpenFile(e.name, openFlags, 0)
	case e.listed:
		f, err := os.OpenFile(filepath.Join(e.root.dir, e.name), openFlags|noFollow, 0)
		if !errors.Is(err, syscall.ELOOP) {
			return f, err
		}
		// Made a symlink since the walk: resolve it as one, confined.
		e.listed = false
	}
	return e.root.root.OpenFile(e.name, openFlags, 0)
}

// inside checks where the opened file really is: within the root, and not
// under version-control metadata reached through a symlink. os.Root
// already kept the open inside; this is the second lock on the door.
func (e *Entry) inside(f *os.File) error {
	if e.root == nil || e.listed {
		return nil // named by the user, or met by the walk with no link on its path
	}
	real, ok := realPath(f)
	if !ok {
		p, err := filepath.EvalSymlinks(filepath.Join(e.root.dir, e.name))
		if err != nil {
			return &Error{Name: e.shown(), Reason: Unreadable, detail: "its location cannot be resolved"}
		}
		real = p
	}
	rel, err := filepath.Rel(e.root.dir, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return &Error{Name: e.shown(), Reason: Outside}
	}
	if d := vcsDir(rel); d != "" {
		return &Error{Name: e.shown(), Reason: Metadata, detail: d}
	}
	return nil
}

// readLimited reads at most limit+1 bytes (one more shows the file grew
// past the limit), sized once from the size fstat gave.
func readLimited(f *os.File, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(size, limit)+1)
	lr := io.LimitReader(f, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ReadFile checks, reserves and reads name in one step.
func (rt *Root) ReadFile(name string) ([]byte, ID, error) {
	e, err := rt.Check(name)
	if err != nil {
		return nil, ID{}, err
	}
	if err := e.Reserve(); err != nil {
		return nil, ID{}, err
	}
	b, err := e.Read()
	return b, e.id, err
}

// ReadPath reads a file the user named (trusted as given), within the
// limits.
func (r *Reader) ReadPath(path string) ([]byte, error) {
	e, err := r.CheckPath(path)
	if err != nil {
		return nil, err
	}
	if err := e.Reserve(); err != nil {
		return nil, err
	}
	return e.Read()
}

// openError turns an error from opening or stat-ing name into an *Error.
// The system's own message is never used: it would carry the path the
// symlink led to.
func (r *Reader) openError(name string, err error) error {
	name = filepath.ToSlash(name)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case err.Error() == "path escapes from parent":
		return &Error{Name: name, Reason: Outside}
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return &Error{Name: name, Reason: Missing}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Name: name, Reason: Unreadable, detail: "permission denied"}
	case errors.Is(err, syscall.ELOOP):
		return &Error{Name: name, Reason: Unreadable, detail: "too many levels of symlinks"}
	case errors.Is(err, syscall.ENAMETOOLONG):
		return &Error{Name: name, Reason: Unreadable, detail: "its path is too long"}
	case errors.Is(err, syscall.ENXIO):
		// Opening a socket (or a FIFO opened for writing) fails so.
		return &Error{Name: name, Reason: NotRegular, detail: "a socket or device"}
	}
	return &Error{Name: name, Reason: Unreadable, detail: "it cannot be opened"}
}

// vcsDir returns the first version-control directory in a relative path.
func vcsDir(rel string) string {
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if vcsDirs[part] {
			return part
		}
	}
	return ""
}

const dirName = "a directory"

func typeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return dirName
	}
	return "a special file"
}

// pathErr is the reason inside a *PathError, for errors about paths the
// user named (their own paths may be shown).
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// WriteExisting replaces the content of name, an existing regular file
// inside the root (checked as Check does), keeping its mode: the file is
// truncated and written in place, never created, and a symlink cannot lead
// the write outside the root.
func (rt *Root) WriteExisting(name string, data []byte) error {
	e, err := rt.Check(name)
	if err != nil {
		return err
	}
	f, err := rt.root.OpenFile(e.name, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return rt.r.openError(name, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return &Error{Name: filepath.ToSlash(name), Reason: Unreadable, detail: "write failed"}
	}
	return f.Close()
}
