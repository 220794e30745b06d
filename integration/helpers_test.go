package integration

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// repoRoot is the root of the shiplint checkout the tests run in.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found from %s: %v", root, err)
	}
	return root
}

// lookTool finds an executable on PATH, or in $(go env GOBIN) or
// $(go env GOPATH)/bin, where `go install` (as .ci/run uses it) puts it.
func lookTool(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	var dirs []string
	if out, err := exec.Command("go", "env", "GOBIN").Output(); err == nil && strings.TrimSpace(string(out)) != "" {
		dirs = append(dirs, strings.TrimSpace(string(out)))
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		for _, dir := range filepath.SplitList(strings.TrimSpace(string(out))) {
			dirs = append(dirs, filepath.Join(dir, "bin"))
		}
	}
	for _, dir := range dirs {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", errors.New(name + " not found on PATH, in $(go env GOBIN) or in $(go env GOPATH)/bin")
}

// goEnv returns `go env NAME`.
func goEnv(t testing.TB, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// result is what a finished command left behind.
type result struct {
	code     int
	stdout   string
	stderr   string
	duration time.Duration
}

func (r result) combined() string { return r.stdout + r.stderr }

// run executes name with args in dir with the extra environment, and fails
// the test only when the command could not be started or timed out; the exit
// status is the caller's to judge.
func run(t testing.TB, dir string, env []string, timeout time.Duration, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), duration: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%s %s: timed out after %s\n%s", name, strings.Join(args, " "), timeout, r.combined())
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return r
}

// gitEnv makes commits work on a machine without a git identity and keeps
// the user's git configuration out of the test.
var gitEnv = []string{
	"GIT_AUTHOR_NAME=shiplint test", "GIT_AUTHOR_EMAIL=test@example.com",
	"GIT_COMMITTER_NAME=shiplint test", "GIT_COMMITTER_EMAIL=test@example.com",
	"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
}

// gitRepo turns dir into a git repository with everything in it committed.
func gitRepo(t testing.TB, dir string) {
	t.Helper()
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"add", "-A"},
		{"-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "snapshot"},
	} {
		if r := run(t, dir, gitEnv, time.Minute, "git", args...); r.code != 0 {
			t.Fatalf("git %s in %s: exit %d\n%s", strings.Join(args, " "), dir, r.code, r.combined())
		}
	}
}

// writeFiles writes name → content under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// copyTree copies the regular files under src (relative names) into dst.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

var (
	shiplintOnce sync.Once
	shiplintBin  string
	shiplintErr  error
	shiplintDir  string
)

// shiplint builds cmd/shiplint from this checkout once per test binary.
func shiplint(t testing.TB) string {
	t.Helper()
	shiplintOnce.Do(func() {
		shiplintDir, shiplintErr = os.MkdirTemp("", "shiplint-integration-bin-")
		if shiplintErr != nil {
			return
		}
		name := "shiplint"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		shiplintBin = filepath.Join(shiplintDir, name)
		cmd := exec.Command("go", "build", "-o", shiplintBin, "./cmd/shiplint")
		cmd.Dir = repoRoot(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			shiplintErr = errors.New("go build ./cmd/shiplint: " + err.Error() + "\n" + string(out))
		}
	})
	if shiplintErr != nil {
		t.Fatal(shiplintErr)
	}
	return shiplintBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shiplintDir != "" {
		os.RemoveAll(shiplintDir)
	}
	os.Exit(code)
}
