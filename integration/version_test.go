package integration

import (
	"archive/zip"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestVersionStamped builds cmd/shiplint the two ways a checkout is built:
// with the -X stamps a release passes (.goreleaser.yaml), and with the
// VCS information `go build` records in a git checkout; `shiplint version`
// reports each.
func TestVersionStamped(t *testing.T) {
	root := repoRoot(t)
	bin := filepath.Join(t.TempDir(), "shiplint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	ldflags := "-X main.version=1.2.3 -X main.commit=" + rev + " -X main.date=2026-12-05T04:00:00Z"
	if r := run(t, root, nil, 5*time.Minute, "go", "build", "-ldflags", ldflags, "-o", bin, "./cmd/shiplint"); r.code != 0 {
		t.Fatalf("go build -ldflags %q: exit %d\n%s", ldflags, r.code, r.combined())
	}
	r := run(t, root, nil, time.Minute, bin, "version")
	if want := "shiplint 1.2.3 (commit 0123456, committed 2026-12-05T04:00:00Z)\n"; r.code != 0 || r.stdout != want {
		t.Errorf("stamped version: exit %d, %q, want %q", r.code, r.stdout, want)
	}

	// Go records VCS information only where .git is a directory: not in a
	// git worktree (.git is a file there) or a copy without .git.
	if fi, err := os.Stat(filepath.Join(root, ".git")); err != nil || !fi.IsDir() {
		t.Skip("no .git directory at the repository root (a worktree or a copy): go build records no VCS information here")
	}
	head := run(t, root, nil, time.Minute, "git", "rev-parse", "HEAD")
	if head.code != 0 {
		t.Fatalf("git rev-parse HEAD: exit %d\n%s", head.code, head.combined())
	}
	if r := run(t, root, nil, 5*time.Minute, "go", "build", "-buildvcs=true", "-o", bin, "./cmd/shiplint"); r.code != 0 {
		t.Fatalf("go build -buildvcs=true: exit %d\n%s", r.code, r.combined())
	}
	r = run(t, root, nil, time.Minute, bin, "version")
	// Main.Version is the tag on HEAD or a pseudo-version (Go 1.24+),
	// "+dirty" and ", modified" when the work tree has changes.
	want := regexp.MustCompile(`^shiplint v\S+ \(commit ` + strings.TrimSpace(head.stdout)[:7] + `(, modified)?, committed \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\n$`)
	if r.code != 0 || !want.MatchString(r.stdout) {
		t.Errorf("VCS-stamped version: exit %d, %q, want %s", r.code, r.stdout, want)
	}
}

// TestVersionGoInstall proves the `go install
// github.com/shiplint/shiplint/cmd/shiplint@VERSION` path: this checkout,
// zipped as the module proxy serves a module at v0.0.0-test, installed
// through GOPROXY=file://… into a scratch module cache (the dependencies
// come from the real cache's download directory, itself a proxy layout, so
// nothing is fetched and the real cache is left alone). The binary has no
// -X stamps and no VCS information, only the build info's Main.Version.
func TestVersionGoInstall(t *testing.T) {
	releaseTest(t)
	root := repoRoot(t)
	files := run(t, root, nil, time.Minute, "git", "ls-files", "-z")
	if files.code != 0 {
		t.Skipf("git ls-files: %s (the module zip is made of the tracked files)", files.combined())
	}
	const mod, version = "github.com/shiplint/shiplint", "v0.0.0-test"
	proxy := t.TempDir()
	dir := filepath.Join(proxy, filepath.FromSlash(mod), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"list":            version + "\n",
		version + ".info": `{"Version":"` + version + `","Time":"2026-12-05T04:00:00Z"}`,
		version + ".mod":  string(goMod),
	})
	zf, err := os.Create(filepath.Join(dir, version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	for _, name := range strings.Split(strings.TrimSuffix(files.stdout, "\x00"), "\x00") {
		// A directory with its own go.mod is another module (the release
		// tools), not part of this one's zip.
		if strings.HasPrefix(name, "tools/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if os.IsNotExist(err) {
			continue // deleted in the work tree, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(mod + "@" + version + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zf.Close(); err != nil {
		t.Fatal(err)
	}

	gobin := t.TempDir()
	realCache := goEnv(t, "GOMODCACHE")
	env := []string{
		"GOPROXY=file://" + filepath.ToSlash(proxy) + ",file://" + filepath.ToSlash(filepath.Join(realCache, "cache", "download")),
		"GOMODCACHE=" + t.TempDir(),
		// The test version is in no checksum database, and the dependencies
		// come from the local cache; sum.golang.org is not reachable here.
		"GOSUMDB=off",
		"GOFLAGS=-modcacherw", "GOBIN=" + gobin, "GOTOOLCHAIN=local",
		// As goreleaser builds, so the dependencies come from the build
		// cache that the snapshot just filled.
		"CGO_ENABLED=0",
	}
	r := run(t, t.TempDir(), env, 10*time.Minute, "go", "install", "-trimpath", mod+"/cmd/shiplint@"+version)
	if r.code != 0 {
		t.Fatalf("go install %s/cmd/shiplint@%s: exit %d\n%s", mod, version, r.code, r.combined())
	}
	bin := filepath.Join(gobin, "shiplint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if r := run(t, root, nil, time.Minute, bin, "version"); r.code != 0 || r.stdout != "shiplint "+version+"\n" {
		t.Errorf("go install'd shiplint version: exit %d, %q, want %q", r.code, r.stdout, "shiplint "+version+"\n")
	}
}
