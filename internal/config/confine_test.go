package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Without a .git above it, lookup stops at the scan root: a config in a
// parent (a world-writable /tmp/.shiplint.yaml) is not used.
func TestFindStopsAtScanRootWithoutGit(t *testing.T) {
	parent := t.TempDir()
	scan := filepath.Join(parent, "checkout", "app")
	os.MkdirAll(scan, 0o755)
	os.WriteFile(filepath.Join(parent, FileName), []byte("disable: [DF001]\n"), 0o644)
	os.WriteFile(filepath.Join(parent, "checkout", FileName), []byte("disable: [DF001]\n"), 0o644)
	p, b, err := Find(scan)
	if err != nil || p != "" || b != scan {
		t.Errorf("Find = %q, %q, %v; want nothing, bounded at the scan root", p, b, err)
	}
	os.WriteFile(filepath.Join(scan, FileName), []byte("fail-on: high\n"), 0o644)
	os.WriteFile(filepath.Join(scan, "Dockerfile"), []byte("FROM x\n"), 0o644)
	if p, _, _ := Find(filepath.Join(scan, "Dockerfile")); p != filepath.Join(scan, FileName) {
		t.Errorf("Find from a file = %q", p)
	}
}

// loadWithin fails the test when LoadFound does not return in 30 s (a hang
// detector, not a speed assertion).
func loadWithin(t *testing.T, path, boundary string) (*Config, error) {
	t.Helper()
	type result struct {
		c   *Config
		err error
	}
	done := make(chan result)
	go func() { c, err := LoadFound(path, boundary); done <- result{c, err} }()
	select {
	case r := <-done:
		return r.c, r.err
	case <-time.After(30 * time.Second):
		t.Fatal("LoadFound blocked for 30 s")
		return nil, nil
	}
}

// A config found in the tree that is a symlink out of it, /dev/zero or a
// FIFO is refused at once, in words that say nothing of the target.
func TestFoundConfigIsConfined(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "cfg.yaml")
	os.WriteFile(outside, []byte("disable: [DF001]\n"), 0o644)
	cases := map[string]string{
		"/dev/zero":             "it leads out of the scanned directory (an absolute path, a path that climbs out with .., or a symlink pointing out of it); only files inside it are read",
		outside:                 "it leads out of the scanned directory (an absolute path, a path that climbs out with .., or a symlink pointing out of it); only files inside it are read",
		"/nonexistent/cfg.yaml": "it leads out of the scanned directory (an absolute path, a path that climbs out with .., or a symlink pointing out of it); only files inside it are read",
		"fifo":                  "it is a FIFO (named pipe), not a regular file; only regular files are read",
	}
	for target, why := range cases {
		repo := t.TempDir()
		if target == "fifo" {
			if err := syscall.Mkfifo(filepath.Join(repo, "fifo"), 0o644); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		}
		if err := os.Symlink(target, filepath.Join(repo, FileName)); err != nil {
			t.Fatal(err)
		}
		p, b, err := Find(repo)
		if err != nil || p != filepath.Join(repo, FileName) {
			t.Fatalf("%s: Find = %q, %v; a symlinked config is found whatever it points at", target, p, err)
		}
		_, err = loadWithin(t, p, b)
		want := "config " + p + " was not read: " + why + "; a config found in the scanned tree must be a regular file inside " + repo + " (or pass --config)"
		if err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", target, err, want)
		}
	}
}

// A config found in the tree can lower max-file-size but not raise it.
func TestFoundConfigCannotRaiseMaxFileSize(t *testing.T) {
	repo := t.TempDir()
	p := filepath.Join(repo, FileName)
	os.WriteFile(p, []byte("fail-on: high\nmax-file-size: 100000000\n"), 0o644)
	_, err := loadWithin(t, p, repo)
	want := p + ":2: max-file-size 100000000 is over the default of 8388608 bytes: a config found in the scanned tree can lower the limit, not raise it (pass --max-file-size, or this file with --config, to raise it)"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	if c, err := Load(p); err != nil || c.MaxFileSize != 100000000 {
		t.Errorf("--config: %+v, %v; a config named on the command line is trusted", c, err)
	}
	os.WriteFile(p, []byte("max-file-size: 1000\n"), 0o644)
	if c, err := loadWithin(t, p, repo); err != nil || c.MaxFileSize != 1000 {
		t.Errorf("lowering: %+v, %v", c, err)
	}
}

// Policies named by a config found in the tree must resolve inside its
// boundary.
func TestFoundConfigPoliciesStayInside(t *testing.T) {
	repo := t.TempDir()
	outside := t.TempDir()
	os.MkdirAll(filepath.Join(repo, "policy"), 0o755)
	os.Symlink(outside, filepath.Join(repo, "linked"))
	p := filepath.Join(repo, FileName)
	cases := map[string]string{
		"policies: [policy/, ../elsewhere]\n":          ":1: policies: ../elsewhere is outside",
		"policies:\n  - policy\n  - " + outside + "\n": ":3: policies: " + outside + " is outside",
		"policies:\n  - linked\n":                      ":2: policies: linked resolves outside it through a symlink",
	}
	for src, msg := range cases {
		os.WriteFile(p, []byte(src), 0o644)
		_, err := loadWithin(t, p, repo)
		want := p + msg + "; a config found in the scanned tree can only name policies inside " + repo + " (pass --policy, or this file with --config, for others)"
		if err == nil || err.Error() != want {
			t.Errorf("%q:\n got %v\nwant %s", src, err, want)
		}
	}
	os.WriteFile(p, []byte("policies: [policy, "+filepath.Join(repo, "policy")+", missing]\n"), 0o644)
	c, err := loadWithin(t, p, repo)
	if err != nil || len(c.Policies) != 3 || !strings.HasPrefix(c.Policies[0], repo) {
		t.Errorf("inside: %+v, %v", c, err)
	}
}
