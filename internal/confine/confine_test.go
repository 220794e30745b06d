package confine

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tree builds a root with the given files and an outside directory beside
// it holding a canary file.
func tree(t *testing.T, files map[string]string) (root, outside string) {
	t.Helper()
	base := t.TempDir()
	root, outside = filepath.Join(base, "repo"), filepath.Join(base, "outside")
	for _, d := range []string{root, outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "canary"), []byte("CANARY-d41d8cd9"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root, outside
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

func openRoot(t *testing.T, r *Reader, dir string) *Root {
	t.Helper()
	rt, err := r.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	return rt
}

// within fails the test when f does not return in 30 s: a hang detector
// for FIFOs, not a speed assertion.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("blocked: a read did not return within 30 s")
	}
}

func reason(err error) Reason {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return 0
}

func TestReadInside(t *testing.T) {
	root, _ := tree(t, map[string]string{"a/Dockerfile": "FROM x\n"})
	link(t, "a/Dockerfile", filepath.Join(root, "same"))
	rt := openRoot(t, NewReader(Limits{}), root)
	b, id, err := rt.ReadFile("a/Dockerfile")
	if err != nil || string(b) != "FROM x\n" {
		t.Fatalf("ReadFile = %q, %v", b, err)
	}
	b2, id2, err := rt.ReadFile("./a/../same")
	if err != nil || string(b2) != "FROM x\n" || id2 != id || id == (ID{}) {
		t.Errorf("through a symlink inside: %q, %v, id %v vs %v", b2, err, id2, id)
	}
}

// Every way out of the root reads the same, whatever lies outside: the
// message cannot tell /etc/shadow from a file that does not exist.
func TestOutsideIsRefusedAlike(t *testing.T) {
	root, outside := tree(t, nil)
	targets := map[string]string{
		"shadow": "/etc/shadow", "nothing": "/nonexistent/x", "environ": "/proc/self/environ",
		"zero": "/dev/zero", "canary": filepath.Join(outside, "canary"), "rel": "../outside/canary",
		"relmissing": "../outside/missing",
		// An absolute link is refused even when it points inside: os.Root
		// does not follow absolute links, and a repository's absolute
		// link names the author's machine anyway.
		"absinside": filepath.Join(root, "x"),
	}
	for name, target := range targets {
		link(t, target, filepath.Join(root, name))
	}
	rt := openRoot(t, NewReader(Limits{}), root)
	want := ""
	names := []string{"absinside", "shadow", "nothing", "environ", "zero", "canary", "rel", "relmissing", "../outside/canary", "../../../../dev/zero", "/etc/passwd"}
	for _, name := range names {
		within(t, func() {
			b, _, err := rt.ReadFile(name)
			if reason(err) != Outside || b != nil {
				t.Errorf("%s: %q, %v; want Outside", name, b, err)
				return
			}
			why := err.(*Error).Why()
			if want == "" {
				want = why
			}
			if why != want || err.Error() != name+": "+want {
				t.Errorf("%s: %q; want the same words for every target (%q)", name, err, want)
			}
			if strings.Contains(err.Error(), "CANARY") || strings.Contains(err.Error(), outside) {
				t.Errorf("%s: message reveals the target: %q", name, err)
			}
		})
	}
}

func TestFIFOIsRefusedWithoutBlocking(t *testing.T) {
	root, _ := tree(t, map[string]string{"Dockerfile": "FROM x\n"})
	if err := syscall.Mkfifo(filepath.Join(root, "pipe"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link(t, "pipe", filepath.Join(root, "compose.yaml"))
	r := NewReader(Limits{})
	rt := openRoot(t, r, root)
	within(t, func() {
		for _, name := range []string{"pipe", "compose.yaml"} {
			_, _, err := rt.ReadFile(name)
			if reason(err) != NotRegular || err.Error() != name+": it is a FIFO (named pipe), not a regular file; only regular files are read" {
				t.Errorf("%s: %v", name, err)
			}
		}
		// A FIFO swapped in after the check: the open does not block and
		// the file is still refused.
		e, err := rt.Check("Dockerfile")
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(filepath.Join(root, "Dockerfile"))
		syscall.Mkfifo(filepath.Join(root, "Dockerfile"), 0o644)
		if _, err := e.Read(); reason(err) != NotRegular {
			t.Errorf("swapped FIFO: %v", err)
		}
		if _, err := r.ReadPath(filepath.Join(root, "pipe")); reason(err) != NotRegular {
			t.Errorf("named FIFO: %v", err)
		}
	})
}

func TestDirectoryIsNotAFile(t *testing.T) {
	root, _ := tree(t, map[string]string{"sub/x": "x"})
	link(t, "sub", filepath.Join(root, "k8s.yaml"))
	rt := openRoot(t, NewReader(Limits{}), root)
	if _, err := rt.Check("k8s.yaml"); !IsDir(err) {
		t.Errorf("Check = %v, want a directory", err)
	}
}

func TestMissingInside(t *testing.T) {
	root, _ := tree(t, nil)
	link(t, "gone", filepath.Join(root, "Dockerfile"))
	rt := openRoot(t, NewReader(Limits{}), root)
	for _, name := range []string{"Dockerfile", ".env", "sub/x.yml"} {
		if _, _, err := rt.ReadFile(name); !IsMissing(err) || err.Error() != name+": no such file inside the scanned directory" {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestTooLarge(t *testing.T) {
	root, _ := tree(t, map[string]string{"big.yaml": strings.Repeat("x", 100)})
	rt := openRoot(t, NewReader(Limits{MaxFileSize: 10}), root)
	_, _, err := rt.ReadFile("big.yaml")
	if reason(err) != TooLarge || err.Error() != "big.yaml: its 100 bytes are over the 10-byte limit (--max-file-size)" {
		t.Errorf("%v", err)
	}
}

// Once the budget is spent, every later read is refused, small or not.
func TestBudget(t *testing.T) {
	root, _ := tree(t, map[string]string{"a": "123456", "b": "123456", "c": "1"})
	rt := openRoot(t, NewReader(Limits{MaxTotal: 10}), root)
	if _, _, err := rt.ReadFile("a"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"b", "c"} {
		_, _, err := rt.ReadFile(name)
		if reason(err) != BudgetSpent || err.Error() != name+": the scan's byte budget is spent (10 bytes read in all at most)" {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// .git/config holds the token actions/checkout leaves behind: never read,
// spelled directly or reached through a symlink.
func TestVersionControlMetadata(t *testing.T) {
	root, _ := tree(t, map[string]string{".git/config": "[http]\nextraheader = AUTHORIZATION: basic c2VjcmV0\n"})
	link(t, ".git/config", filepath.Join(root, ".env"))
	link(t, ".git", filepath.Join(root, "meta"))
	link(t, "meta/config", filepath.Join(root, "compose.yaml"))
	rt := openRoot(t, NewReader(Limits{}), root)
	for _, name := range []string{".git/config", ".env", "compose.yaml"} {
		b, _, err := rt.ReadFile(name)
		if reason(err) != Metadata || b != nil || strings.Contains(err.Error(), "c2VjcmV0") {
			t.Errorf("%s: %q, %v", name, b, err)
		}
	}
}

// A root that is a symlink to a directory is followed once; what is inside
// it is read.
func TestSymlinkedRoot(t *testing.T) {
	root, _ := tree(t, map[string]string{"Dockerfile": "FROM x\n"})
	alias := filepath.Join(t.TempDir(), "deploy")
	link(t, root, alias)
	rt := openRoot(t, NewReader(Limits{}), alias)
	if b, _, err := rt.ReadFile("Dockerfile"); err != nil || string(b) != "FROM x\n" {
		t.Errorf("%q, %v", b, err)
	}
}

func TestOnReadCountsReads(t *testing.T) {
	root, _ := tree(t, map[string]string{"a": "x"})
	r := NewReader(Limits{})
	n := 0
	r.OnRead = func(ID) { n++ }
	rt := openRoot(t, r, root)
	rt.ReadFile("a")
	rt.Check("a")
	if n != 1 {
		t.Errorf("%d reads counted, want 1", n)
	}
}

// A device node inside the tree (only root can make one) is refused
// before it is opened.
func TestDeviceInside(t *testing.T) {
	root, _ := tree(t, nil)
	if err := syscall.Mknod(filepath.Join(root, "Dockerfile"), syscall.S_IFCHR|0o644, 1<<8|5); err != nil {
		t.Skip("cannot make a device node here:", err)
	}
	rt := openRoot(t, NewReader(Limits{}), root)
	within(t, func() {
		if _, _, err := rt.ReadFile("Dockerfile"); reason(err) != NotRegular || !strings.Contains(err.Error(), "a device") {
			t.Errorf("%v", err)
		}
	})
}

// A file the walk listed as regular is opened directly; if it has become a
// symlink since, it is resolved through the root like any other.
func TestListedFileSwappedForALink(t *testing.T) {
	root, outside := tree(t, map[string]string{"Dockerfile": "FROM x\n", "ok": "FROM y\n"})
	rt := openRoot(t, NewReader(Limits{}), root)
	info, err := os.Lstat(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := rt.CheckListed("Dockerfile", info)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := e.Read(); err != nil || string(b) != "FROM x\n" {
		t.Fatalf("%q, %v", b, err)
	}
	os.Remove(filepath.Join(root, "Dockerfile"))
	link(t, filepath.Join(outside, "canary"), filepath.Join(root, "Dockerfile"))
	if b, err := e.Read(); reason(err) != Outside || b != nil {
		t.Errorf("swapped for a link out: %q, %v", b, err)
	}
	os.Remove(filepath.Join(root, "Dockerfile"))
	link(t, "ok", filepath.Join(root, "Dockerfile"))
	e, _ = rt.CheckListed("Dockerfile", info)
	if b, err := e.Read(); err != nil || string(b) != "FROM y\n" {
		t.Errorf("swapped for a link inside: %q, %v", b, err)
	}
}

// An overlay replaces what a permitted read returns and nothing else: every
// name the root refuses is refused the same with an overlay entry for it,
// and the overlay's bytes obey the size limit and the budget.
func TestOverlay(t *testing.T) {
	root, outside := tree(t, map[string]string{"chart/values.yaml": "a: 1\n", ".git/config": "token\n", "big": "x"})
	link(t, filepath.Join(outside, "canary"), filepath.Join(root, "chart", "out.yaml"))
	link(t, "../outside/canary", filepath.Join(root, "rel.yaml"))
	base := openRoot(t, NewReader(Limits{MaxFileSize: 64}), root)
	rt := base.WithOverlay(map[string][]byte{
		"chart/values.yaml":  []byte("a: 2\n"),
		"chart/new.yaml":     []byte("b: 1\n"), // not saved yet, in a directory that exists
		"nodir/new.yaml":     []byte("c: 1\n"), // its directory does not exist
		"chart/out.yaml":     []byte("inside"),
		"rel.yaml":           []byte("inside"),
		".git/config":        []byte("inside"),
		"../outside/canary":  []byte("inside"),
		"/etc/passwd":        []byte("inside"),
		"big":                []byte(strings.Repeat("x", 65)),
		"chart/../chart/x/y": []byte("z"),
	})
	for name, want := range map[string]string{"chart/values.yaml": "a: 2\n", "./chart/new.yaml": "b: 1\n"} {
		b, _, err := rt.ReadFile(name)
		if err != nil || string(b) != want {
			t.Errorf("%s: %q, %v; want %q", name, b, err, want)
		}
	}
	// The view leaves the root itself alone.
	if b, _, err := base.ReadFile("chart/values.yaml"); err != nil || string(b) != "a: 1\n" {
		t.Errorf("base root: %q, %v", b, err)
	}
	for name, want := range map[string]Reason{
		"nodir/new.yaml": Missing, "chart/out.yaml": Outside, "rel.yaml": Outside, ".git/config": Metadata,
		"../outside/canary": Outside, "/etc/passwd": Outside, "big": TooLarge, "chart/x/y": Missing,
	} {
		b, _, err := rt.ReadFile(name)
		if reason(err) != want || b != nil {
			t.Errorf("%s: %q, %v; want reason %d", name, b, err, want)
		}
	}
	// Closing the view keeps the root open.
	rt.Close()
	if _, _, err := base.ReadFile("chart/values.yaml"); err != nil {
		t.Errorf("after closing the view: %v", err)
	}
	// The overlay's bytes are charged to the budget like a file's.
	small := openRoot(t, NewReader(Limits{MaxTotal: 8}), root).WithOverlay(map[string][]byte{"chart/values.yaml": []byte("0123456789")})
	if _, _, err := small.ReadFile("chart/values.yaml"); reason(err) != BudgetSpent {
		t.Errorf("over the budget: %v; want BudgetSpent", err)
	}
}
