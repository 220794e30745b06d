package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPreCommitHook runs the hook in .pre-commit-hooks.yaml with the real
// pre-commit client: `pre-commit try-repo <snapshot of this checkout> shiplint
// --all-files` inside a temporary git repository per case. pre-commit builds
// the hook from source exactly as it does for users (language: golang runs
// `go install ./...` with GOPATH set to the hook environment) and passes the
// matching files to `shiplint scan`.
//
// try-repo always uses a fresh hook store, so every case builds the hook
// again; the Go build and module caches are shared with the host (GOCACHE is
// inherited, GOMODCACHE is pinned to the host's because pre-commit points
// GOPATH, and with it the default module cache, into the hook environment),
// which makes every build after the first a cache hit.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping pre-commit integration test in -short mode (builds the hook with go install)")
	}
	preCommit, err := lookTool("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (.ci/run installs it: apt-get install pre-commit): ", err)
	}
	if _, err := lookTool("git"); err != nil {
		t.Skip("git is not installed: ", err)
	}

	hookRepo := snapshotCheckout(t)
	env := append([]string{
		"PRE_COMMIT_HOME=" + t.TempDir(),
		"GOMODCACHE=" + goEnv(t, "GOMODCACHE"),
		"GOTOOLCHAIN=local",
		"NO_COLOR=1",
	}, gitEnv...)

	fixtures := filepath.Join("testdata", "precommit")
	cases := []struct {
		name     string
		dirs     []string // fixture directories merged into the repository
		wantFail bool
		want     []string // substrings of pre-commit's output
	}{
		{"bad Dockerfile", []string{"bad-dockerfile"}, true, []string{"Dockerfile:", "DF001"}},
		{"bad Compose file", []string{"bad-compose"}, true, []string{"compose.yaml:", "DC001"}},
		{"bad Kubernetes manifest", []string{"bad-kubernetes"}, true, []string{"deploy/app.yaml:", "KS001"}},
		{"clean files and YAML that is neither Compose nor Kubernetes", []string{"clean", "other-yaml"}, false, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			work := t.TempDir()
			for _, d := range tc.dirs {
				copyTree(t, filepath.Join(fixtures, d), work)
			}
			gitRepo(t, work)
			r := run(t, work, env, 10*time.Minute, preCommit,
				"try-repo", hookRepo, "shiplint", "--all-files", "--verbose", "--color", "never")
			t.Logf("pre-commit try-repo took %s", r.duration.Round(time.Millisecond))
			out := r.combined()
			if strings.Contains(out, "An unexpected error has occurred") || strings.Contains(out, "Executable `shiplint` not found") {
				t.Fatalf("pre-commit could not install or run the hook (exit %d):\n%s", r.code, out)
			}
			if strings.Contains(out, "(no files to check)") {
				t.Fatalf("the hook's files pattern matched nothing, so shiplint never ran:\n%s", out)
			}
			if tc.wantFail {
				if r.code == 0 || !strings.Contains(out, "Failed") {
					t.Fatalf("pre-commit passed (exit %d), want the hook to fail:\n%s", r.code, out)
				}
			} else if r.code != 0 || !strings.Contains(out, "Passed") {
				t.Fatalf("pre-commit failed (exit %d), want the hook to pass:\n%s", r.code, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("pre-commit output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

// snapshotCheckout copies this checkout as `go build` sees it (tracked files
// plus untracked files that are not ignored, as they are in the working tree)
// into a fresh git repository with one commit, and returns its path.
//
// Handing try-repo the checkout itself would also work on a clean tree, but on
// a dirty one try-repo commits only tracked changes, so a new file that the
// code already needs would be missing from what it builds.
func snapshotCheckout(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	dst := filepath.Join(t.TempDir(), "shiplint")
	r := run(t, root, gitEnv, time.Minute, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if r.code != 0 {
		t.Fatalf("git ls-files: %s", r.combined())
	}
	for _, name := range strings.Split(r.stdout, "\x00") {
		if name == "" {
			continue
		}
		src := filepath.Join(root, filepath.FromSlash(name))
		fi, err := os.Lstat(src)
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted in the working tree, or a symlink/submodule
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, data, fi.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dst, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatal(".pre-commit-hooks.yaml is missing from the checkout")
	}
	gitRepo(t, dst)
	return dst
}
