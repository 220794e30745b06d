package discover

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/document"
)

const canary = "CANARY-7f3a9c"

// hostileTree is a repository beside an outside directory holding a
// canary file.
func hostileTree(t *testing.T, files map[string]string) (root, outside string) {
	t.Helper()
	base := t.TempDir()
	root, outside = filepath.Join(base, "repo"), filepath.Join(base, "outside")
	os.MkdirAll(outside, 0o755)
	os.WriteFile(filepath.Join(outside, "canary"), []byte(canary+"=1\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "compose.yml"), []byte("services:\n  base:\n    privileged: true\n"), 0o644)
	for name, content := range files {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(root, 0o755)
	return root, outside
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// walkAll collects every event within 30 s (a hang detector for FIFOs,
// not a speed assertion).
func walkAll(t *testing.T, paths []string, opt Options) []Event {
	t.Helper()
	done := make(chan []Event)
	go func() {
		var evs []Event
		Walk(paths, opt, func(e Event) bool { evs = append(evs, e); return true })
		done <- evs
	}()
	select {
	case evs := <-done:
		return evs
	case <-time.After(30 * time.Second):
		t.Fatal("the walk blocked for 30 s")
		return nil
	}
}

func notScanned(t *testing.T, paths []string, opt Options) []string {
	t.Helper()
	var out []string
	for _, e := range walkAll(t, paths, opt) {
		if n := e.NotScanned; n != nil {
			out = append(out, string(n.Kind)+" "+n.Path+": "+n.Why)
		}
	}
	return out
}

const outsideWhy = "it leads out of the scanned directory (an absolute path, a path that climbs out with .., or a symlink pointing out of it); only files inside it are read"

// Symlinks out of the root are not read, whatever they point at, and say
// so in the same words; no content of theirs reaches an event.
func TestSymlinksOutOfTheRoot(t *testing.T) {
	root, outside := hostileTree(t, map[string]string{"Dockerfile": "FROM x\n"})
	symlink(t, "/proc/self/environ", filepath.Join(root, "Dockerfile.environ"))
	symlink(t, "/etc/shadow", filepath.Join(root, "Dockerfile.shadow"))
	symlink(t, "/nonexistent/x", filepath.Join(root, "Dockerfile.nothing"))
	symlink(t, "/dev/zero", filepath.Join(root, "k8s/zero.yaml"))
	symlink(t, filepath.Join(outside, "canary"), filepath.Join(root, "k8s/canary.yaml"))
	symlink(t, "../../outside/canary", filepath.Join(root, "k8s/rel.yml"))
	evs := walkAll(t, []string{root}, Options{Root: root})
	var got []string
	for _, e := range evs {
		if e.File != nil && strings.Contains(string(e.File.Source), canary) {
			t.Errorf("%s: canary read", e.File.Path)
		}
		if e.NotScanned != nil {
			got = append(got, string(e.NotScanned.Kind)+" "+e.NotScanned.Path+": "+e.NotScanned.Why)
		}
	}
	want := []string{
		"dockerfile Dockerfile.environ: " + outsideWhy,
		"dockerfile Dockerfile.nothing: " + outsideWhy,
		"dockerfile Dockerfile.shadow: " + outsideWhy,
		" k8s/canary.yaml: " + outsideWhy,
		" k8s/rel.yml: " + outsideWhy,
		" k8s/zero.yaml: " + outsideWhy,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("not scanned:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A FIFO or a socket named like a Dockerfile is reported, not opened for a
// blocking read; a file that is not a candidate is not opened at all.
func TestSpecialFiles(t *testing.T) {
	root, _ := hostileTree(t, nil)
	if err := syscall.Mkfifo(filepath.Join(root, "Dockerfile"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	syscall.Mkfifo(filepath.Join(root, "notes.txt"), 0o644)
	got := notScanned(t, []string{root}, Options{Root: root})
	want := []string{"dockerfile Dockerfile: it is a FIFO (named pipe), not a regular file; only regular files are read"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("not scanned %q, want %q", got, want)
	}
	// Named on the command line, it is still not read.
	got = notScanned(t, []string{filepath.Join(root, "Dockerfile")}, Options{Root: root})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("named: not scanned %q, want %q", got, want)
	}
}

// A directory symlink met inside is not followed and not reported, even
// when named like a YAML file.
func TestDirectorySymlinkInside(t *testing.T) {
	root, outside := hostileTree(t, map[string]string{"sub/pod.yaml": "apiVersion: v1\nkind: Pod\n"})
	symlink(t, "sub", filepath.Join(root, "k8s.yaml"))
	symlink(t, root, filepath.Join(root, "sub", "loop"))
	symlink(t, outside, filepath.Join(root, "out"))
	var got []string
	for _, e := range walkAll(t, []string{root}, Options{Root: root}) {
		switch {
		case e.File != nil:
			got = append(got, e.File.Path)
		default:
			t.Errorf("event %+v", e)
		}
	}
	if !reflect.DeepEqual(got, []string{"sub/pod.yaml"}) {
		t.Errorf("files %q", got)
	}
}

// A root that is a symlink to a directory is walked, and the paths shown
// start with the name the user gave.
func TestSymlinkedRootIsWalked(t *testing.T) {
	real, _ := hostileTree(t, map[string]string{"app/Dockerfile": "FROM x\n", "pod.yaml": "apiVersion: v1\nkind: Pod\n"})
	cwd := t.TempDir()
	symlink(t, real, filepath.Join(cwd, "deploy"))
	var got []string
	for _, e := range walkAll(t, []string{filepath.Join(cwd, "deploy")}, Options{Root: cwd}) {
		if e.File == nil {
			t.Fatalf("event %+v", e)
		}
		got = append(got, e.File.Path)
	}
	if !reflect.DeepEqual(got, []string{"deploy/app/Dockerfile", "deploy/pod.yaml"}) {
		t.Errorf("files %q", got)
	}
}

// The byte budget is charged in walk order: the files left out once it is
// spent are the last ones, every run.
func TestByteBudgetInWalkOrder(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		files[n+"/Dockerfile"] = strings.Repeat("#", 40) + "\n"
	}
	root, _ := hostileTree(t, files)
	for range 5 {
		got := notScanned(t, []string{root}, Options{Root: root, Reader: confine.NewReader(confine.Limits{MaxTotal: 100})})
		why := "the scan's byte budget is spent (100 bytes read in all at most)"
		want := []string{"dockerfile c/Dockerfile: " + why, "dockerfile d/Dockerfile: " + why, "dockerfile e/Dockerfile: " + why}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("not scanned %q, want %q", got, want)
		}
	}
}

func fileAt(t *testing.T, evs []Event, p string) *File {
	t.Helper()
	for _, e := range evs {
		if e.File != nil && e.File.Path == p {
			return e.File
		}
	}
	t.Fatalf("%s not found in %+v", p, evs)
	return nil
}

// A Compose file's neighbours are read inside the scan root only: a .env
// or extends file out of it, a FIFO, /dev/zero are refused, in words that
// say nothing of the target; one inside the root through ../ is read.
func TestNeighbours(t *testing.T) {
	root, outside := hostileTree(t, map[string]string{
		"app/compose.yaml": "services: {}\n", "common/base.yml": "services: {}\n",
	})
	symlink(t, filepath.Join(outside, "canary"), filepath.Join(root, "app/.env"))
	symlink(t, "/dev/zero", filepath.Join(root, "app/zero.yml"))
	symlink(t, "../common", filepath.Join(root, "app/linked"))
	fifo := syscall.Mkfifo(filepath.Join(root, "app/pipe.yml"), 0o644) == nil
	f := fileAt(t, walkAll(t, []string{root}, Options{Root: root}), "app/compose.yaml")
	for _, rel := range []string{".env", "zero.yml", "../../outside/compose.yml", "../../../../dev/zero", "/etc/passwd", filepath.Join(outside, "canary")} {
		b, err := f.ReadFile(rel)
		var r *document.Refused
		if !errors.As(err, &r) || r.Msg != outsideWhy || b != nil {
			t.Errorf("%s: %q, %v", rel, b, err)
		}
	}
	if fifo {
		done := make(chan error)
		go func() { _, err := f.ReadFile("pipe.yml"); done <- err }()
		select {
		case err := <-done:
			var r *document.Refused
			if !errors.As(err, &r) || r.Msg != "it is a FIFO (named pipe), not a regular file; only regular files are read" {
				t.Errorf("pipe.yml: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("reading a FIFO blocked for 30 s")
		}
	}
	if _, err := f.ReadFile("missing.yml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing.yml: %v, want not-exist", err)
	}
	b, err := f.ReadFile("../common/base.yml")
	if err != nil || string(b) != "services: {}\n" {
		t.Errorf("../common/base.yml: %q, %v", b, err)
	}
	id1, err1 := f.Identify("../common/base.yml")
	id2, err2 := f.Identify("linked/./base.yml")
	if err1 != nil || err2 != nil || id1 != id2 || id1 == (document.FileID{}) {
		t.Errorf("identities %v %v (%v, %v): two spellings of one file must match", id1, id2, err1, err2)
	}
}

// A file named on the command line is read as given; its neighbours are
// confined to its directory.
func TestNamedFileNeighbours(t *testing.T) {
	root, _ := hostileTree(t, map[string]string{"app/compose.yaml": "services: {}\n", "app/.env": "A=1\n", "secret.yml": "services: {}\n"})
	p := filepath.Join(root, "app", "compose.yaml")
	f := fileAt(t, walkAll(t, []string{p}, Options{Root: filepath.Join(root, "app")}), "compose.yaml")
	if b, err := f.ReadFile(".env"); err != nil || string(b) != "A=1\n" {
		t.Errorf(".env: %q, %v", b, err)
	}
	var r *document.Refused
	if _, err := f.ReadFile("../secret.yml"); !errors.As(err, &r) {
		t.Errorf("../secret.yml: %v, want refused (outside the named file's directory)", err)
	}
}
