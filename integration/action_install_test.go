package integration

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// testVersion is the fake release's version: a prerelease form, so the
// action takes it as an exact version and looks nothing up.
const testVersion = "0.0.0-test"

// hostOS and hostArch name the host as release archives do.
func hostOS() string   { return runtime.GOOS }
func hostArch() string { return runtime.GOARCH }

// hostRunnerOS and hostRunnerArch name the host as the runner's RUNNER_OS
// and RUNNER_ARCH do.
func hostRunnerOS() string {
	switch runtime.GOOS {
	case "linux":
		return "Linux"
	case "darwin":
		return "macOS"
	case "windows":
		return "Windows"
	}
	return runtime.GOOS
}

func hostRunnerArch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "X64"
	case "arm64":
		return "ARM64"
	}
	return runtime.GOARCH
}

// runStep runs one step's script with the runner's command line for
// `shell: bash`, copying its standard output to tee as it is written.
func runStep(t testing.TB, dir string, env []string, tee io.Writer, script string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if tee != nil {
		cmd.Stdout = io.MultiWriter(&stdout, tee)
	}
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), duration: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("step %s: timed out\n%s", script, r.combined())
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("step %s: %v", script, err)
	}
	return r
}

var (
	releaseOnce sync.Once
	releaseBin  []byte
	releaseErr  error
)

// releaseBinary builds cmd/shiplint for the host the way a release does
// (-trimpath, stripped, CGO off), once per test binary, and returns its bytes.
func releaseBinary(t testing.TB) []byte {
	t.Helper()
	releaseOnce.Do(func() {
		dir, err := os.MkdirTemp("", "shiplint-release-bin-")
		if err != nil {
			releaseErr = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "shiplint")
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w -X main.version=v"+testVersion, "-o", out, "./cmd/shiplint")
		cmd.Dir = repoRoot(t)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if msg, err := cmd.CombinedOutput(); err != nil {
			releaseErr = fmt.Errorf("go build ./cmd/shiplint: %v\n%s", err, msg)
			return
		}
		releaseBin, releaseErr = os.ReadFile(out)
	})
	if releaseErr != nil {
		t.Fatal(releaseErr)
	}
	return releaseBin
}

// releaseBinaryFile writes the release binary to a file of its own, to run
// directly as the reference the action's outputs are compared with.
func releaseBinaryFile(t testing.TB) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "shiplint"+exeSuffix())
	if err := os.WriteFile(p, releaseBinary(t), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// fakeRelease is a directory laid out like the release downloads:
// v<version>/<archive> and v<version>/checksums.txt.
type fakeRelease struct {
	dir string
	// level is the archives' compression: the fastest for the tests, the
	// default (as GoReleaser's) for the benchmark, so extraction costs what
	// a real archive's does.
	level int
}

func newFakeRelease(t testing.TB) *fakeRelease {
	return &fakeRelease{dir: t.TempDir(), level: flate.BestSpeed}
}

// env points the action at the fake release.
func (r *fakeRelease) env() []string {
	return []string{"SHIPLINT_RELEASE_BASE_URL=file://" + filepath.ToSlash(r.dir)}
}

// archiveName is the release archive for a platform, as GoReleaser names it.
func archiveName(version, goos, goarch string) string {
	ext := "tar.gz"
	if goos == "windows" {
		ext = "zip"
	}
	return fmt.Sprintf("shiplint_%s_%s_%s.%s", version, goos, goarch, ext)
}

// add writes the platform's archive with bin at its root (shiplint, or
// shiplint.exe in a zip for windows) and adds its line to checksums.txt.
func (r *fakeRelease) add(t testing.TB, version, goos, goarch string, bin []byte) string {
	t.Helper()
	name := "shiplint"
	if goos == "windows" {
		name += ".exe"
	}
	return r.addFiles(t, version, archiveName(version, goos, goarch), map[string][]byte{name: bin})
}

// addFiles writes an archive holding files and adds its checksum line.
func (r *fakeRelease) addFiles(t testing.TB, version, archive string, files map[string][]byte) string {
	t.Helper()
	var buf bytes.Buffer
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	if strings.HasSuffix(archive, ".zip") {
		zw := zip.NewWriter(&buf)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, r.level) })
		for _, n := range names {
			h := &zip.FileHeader{Name: n, Method: zip.Deflate}
			h.SetMode(0o755)
			w, err := zw.CreateHeader(h)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(files[n]); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	} else {
		gz, err := gzip.NewWriterLevel(&buf, r.level)
		if err != nil {
			t.Fatal(err)
		}
		tw := tar.NewWriter(gz)
		for _, n := range names {
			if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o755, Size: int64(len(files[n])), Typeflag: tar.TypeReg}); err != nil {
				t.Fatal(err)
			}
			if _, err := tw.Write(files[n]); err != nil {
				t.Fatal(err)
			}
		}
		if err := tw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := gz.Close(); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(r.dir, "v"+version)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, archive), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	f, err := os.OpenFile(filepath.Join(dir, "checksums.txt"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := fmt.Fprintf(f, "%s  %s\n", hex.EncodeToString(sum[:]), archive); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(sum[:])
}

// actionWorkspace lays out fixture directories (under testdata) as a
// checked-out repository.
func actionWorkspace(t *testing.T, dirs ...string) string {
	t.Helper()
	ws := t.TempDir()
	for _, d := range dirs {
		copyTree(t, filepath.Join("testdata", d), ws)
	}
	gitRepo(t, ws)
	return ws
}

var badWorkspace = []string{"precommit/bad-dockerfile", "precommit/bad-compose", "precommit/bad-kubernetes"}

// installedDir is where the action installs a version for this runner.
func installedDir(toolCache, version, runnerArch string) string {
	return filepath.Join(toolCache, "shiplint", version, strings.ToLower(runnerArch))
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// TestActionInstall runs the action's version, install and scan steps as
// written against a fake release directory: the download is verified against
// checksums.txt and lands in the tool cache, a second run uses the cache
// without the release, and every way the download can be wrong is refused
// with an error that names the archive and installs nothing.
func TestActionInstall(t *testing.T) {
	a := loadAction(t)
	root := repoRoot(t)
	bin := releaseBinary(t)
	if hostRunnerArch() == runtime.GOARCH {
		t.Skipf("no release archives for %s", runtime.GOARCH)
	}
	host := archiveName(testVersion, hostOS(), hostArch())
	newEnv := func(t *testing.T, rel *fakeRelease, ws string) actionEnv {
		return actionEnv{
			workspace: ws, runnerTemp: t.TempDir(), actionPath: root, actionRef: "v" + testVersion,
			toolCache: t.TempDir(), extra: rel.env(),
		}
	}
	// nothingInstalled checks a failed install left no trace: nothing in the
	// tool cache, no download directory in the runner temp.
	nothingInstalled := func(t *testing.T, env actionEnv, r actionRun) {
		t.Helper()
		if r.failedStep != "Install shiplint" || r.code != 2 {
			t.Errorf("failed step %q with exit %d, want Install shiplint with exit 2", r.failedStep, r.code)
		}
		if slices.Contains(r.ran, "Scan") {
			t.Errorf("the scan ran after a failed install")
		}
		if _, err := os.Stat(filepath.Join(env.toolCache, "shiplint")); !os.IsNotExist(err) {
			t.Errorf("a failed install wrote to the tool cache (%v)", err)
		}
		left, _ := filepath.Glob(filepath.Join(env.runnerTemp, "shiplint-download.*"))
		if len(left) != 0 {
			t.Errorf("download directories left behind: %q", left)
		}
	}

	t.Run("download and verify into the cache; then run from the cache", func(t *testing.T) {
		rel := newFakeRelease(t)
		sum := rel.add(t, testVersion, hostOS(), hostArch(), bin)
		ws := actionWorkspace(t, badWorkspace...)
		env := newEnv(t, rel, ws)
		ref := scanJSON(t, releaseBinaryFile(t), ws, ".")
		dir := installedDir(env.toolCache, testVersion, hostRunnerArch())

		r := runAction(t, a, nil, env)
		if r.code != 1 || r.failedStep != "Scan" {
			t.Fatalf("first run: exit %d (step %q), want 1 from the scan\nstdout:\n%s\nstderr:\n%s", r.code, r.failedStep, r.stdout, r.stderr)
		}
		if want := fmt.Sprintf("shiplint %s: downloaded %s (SHA-256 %s verified) to %s", testVersion, host, sum, dir); !strings.Contains(r.stdout, want) {
			t.Errorf("first run's log lacks %q:\n%s", want, r.stdout)
		}
		if slices.Contains(r.ran, "Set up Go") || slices.Contains(r.ran, "Build shiplint") {
			t.Errorf("steps that ran: %q; Go is not needed for a release", r.ran)
		}
		got, err := os.ReadFile(filepath.Join(dir, "shiplint"))
		if err != nil || sha256Hex(got) != sha256Hex(bin) {
			t.Fatalf("the tool cache does not hold the release's binary (%v)", err)
		}
		if _, err := os.Stat(dir + ".complete"); err != nil {
			t.Errorf("no tool-cache marker: %v", err)
		}
		if r.stepOutputs["install"]["bin"] != filepath.Join(dir, "shiplint") {
			t.Errorf("install output bin = %q, want %q", r.stepOutputs["install"]["bin"], filepath.Join(dir, "shiplint"))
		}
		if p, _ := os.ReadFile(filepath.Join(env.runnerTemp, "path")); strings.TrimSpace(string(p)) != dir {
			t.Errorf("$GITHUB_PATH holds %q, want %q", p, dir)
		}
		if r.outputs["version"] != testVersion || r.outputs["findings"] != fmt.Sprint(ref.reported()) || r.outputs["findings"] == "0" {
			t.Errorf("outputs %q, want version %s and findings %d", r.outputs, testVersion, ref.reported())
		}

		// The release is gone: the second run of the job (or a later job on
		// a self-hosted runner) still works, from the cache.
		if err := os.Rename(rel.dir, rel.dir+".gone"); err != nil {
			t.Fatal(err)
		}
		r2 := runAction(t, a, nil, env)
		if r2.code != 1 || r2.failedStep != "Scan" {
			t.Fatalf("cached run: exit %d (step %q), want 1 from the scan\nstdout:\n%s\nstderr:\n%s", r2.code, r2.failedStep, r2.stdout, r2.stderr)
		}
		if want := fmt.Sprintf("shiplint %s: %s (tool cache)", testVersion, filepath.Join(dir, "shiplint")); !strings.Contains(r2.stdout, want) || strings.Contains(r2.stdout, "downloaded") {
			t.Errorf("cached run's log lacks %q (or downloaded again):\n%s", want, r2.stdout)
		}
		if r2.outputs["findings"] != r.outputs["findings"] {
			t.Errorf("cached run: findings %q, want %q", r2.outputs["findings"], r.outputs["findings"])
		}

		// Without the marker the copy counts as incomplete, so the action
		// downloads again, which now fails: the marker is what the cache trusts.
		if err := os.Remove(dir + ".complete"); err != nil {
			t.Fatal(err)
		}
		r3 := runAction(t, a, nil, env)
		if r3.failedStep != "Install shiplint" || !strings.Contains(r3.stdout, "::error title=shiplint::could not download file://") {
			t.Errorf("without the marker: failed step %q, want the install to download (and fail)\n%s", r3.failedStep, r3.stdout)
		}
	})

	t.Run("checksum mismatch is refused", func(t *testing.T) {
		rel := newFakeRelease(t)
		good := rel.add(t, testVersion, hostOS(), hostArch(), bin)
		// Replace the archive after checksums.txt was written.
		p := filepath.Join(rel.dir, "v"+testVersion, host)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, 0)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		env := newEnv(t, rel, actionWorkspace(t, badWorkspace...))
		r := runAction(t, a, nil, env)
		want := fmt.Sprintf("::error title=shiplint::checksum mismatch for %s: checksums.txt has %s, the download has %s; refusing to install it", host, good, sha256Hex(data))
		if !strings.Contains(r.stdout, want) {
			t.Errorf("log lacks %q:\n%s\n%s", want, r.stdout, r.stderr)
		}
		nothingInstalled(t, env, r)
	})

	t.Run("no checksum line for the archive is refused", func(t *testing.T) {
		rel := newFakeRelease(t)
		rel.add(t, testVersion, hostOS(), hostArch(), bin)
		// checksums.txt names another archive only.
		sums := filepath.Join(rel.dir, "v"+testVersion, "checksums.txt")
		if err := os.WriteFile(sums, []byte(strings.Repeat("0", 64)+"  "+host+".sig\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		env := newEnv(t, rel, actionWorkspace(t, badWorkspace...))
		r := runAction(t, a, nil, env)
		want := fmt.Sprintf("::error title=shiplint::checksums.txt of v%s has no single SHA-256 line for %s; refusing to install it", testVersion, host)
		if !strings.Contains(r.stdout, want) {
			t.Errorf("log lacks %q:\n%s\n%s", want, r.stdout, r.stderr)
		}
		nothingInstalled(t, env, r)
	})

	t.Run("no archive for the runner's platform", func(t *testing.T) {
		rel := newFakeRelease(t)
		other := "arm64"
		if hostArch() == "arm64" {
			other = "amd64"
		}
		rel.add(t, testVersion, hostOS(), other, bin)
		env := newEnv(t, rel, actionWorkspace(t, badWorkspace...))
		r := runAction(t, a, nil, env)
		want := fmt.Sprintf("::error title=shiplint::could not download file://%s/v%s/%s (see curl's error above): is there a v%s release archive for %s %s?",
			filepath.ToSlash(rel.dir), testVersion, host, testVersion, hostRunnerOS(), hostRunnerArch())
		if !strings.Contains(r.stdout, want) {
			t.Errorf("log lacks %q:\n%s\n%s", want, r.stdout, r.stderr)
		}
		nothingInstalled(t, env, r)
	})

	t.Run("archive without the binary at its root", func(t *testing.T) {
		rel := newFakeRelease(t)
		rel.addFiles(t, testVersion, host, map[string][]byte{"shiplint_dir/shiplint": bin})
		env := newEnv(t, rel, actionWorkspace(t, badWorkspace...))
		r := runAction(t, a, nil, env)
		if want := fmt.Sprintf("::error title=shiplint::%s has no shiplint at its root", host); !strings.Contains(r.stdout, want) {
			t.Errorf("log lacks %q:\n%s\n%s", want, r.stdout, r.stderr)
		}
		nothingInstalled(t, env, r)
	})

	t.Run("unsupported runner architecture", func(t *testing.T) {
		rel := newFakeRelease(t)
		env := newEnv(t, rel, actionWorkspace(t, badWorkspace...))
		env.runnerArch = "ARM"
		r := runAction(t, a, nil, env)
		if want := "::error title=shiplint::no shiplint release for runner architecture 'ARM'; set build-from-source: true"; !strings.Contains(r.stdout, want) {
			t.Errorf("log lacks %q:\n%s", want, r.stdout)
		}
		nothingInstalled(t, env, r)
	})

	// Windows runners get the zip with shiplint.exe. The host's binary under
	// that name runs here as well, so the zip path is checked end to end.
	t.Run("windows zip", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("the host is Windows: the download test above already took the zip")
		}
		if _, err := exec.LookPath("unzip"); err != nil {
			t.Skip("unzip is not installed (Git Bash on Windows runners has it)")
		}
		rel := newFakeRelease(t)
		sum := rel.add(t, testVersion, "windows", hostArch(), bin)
		ws := actionWorkspace(t, badWorkspace...)
		env := newEnv(t, rel, ws)
		env.runnerOS = "Windows"
		// The base may be a plain directory as well as a file:// URL.
		env.extra = []string{"SHIPLINT_RELEASE_BASE_URL=" + rel.dir}
		r := runAction(t, a, map[string]string{"path": "Dockerfile"}, env)
		if r.code != 1 || r.failedStep != "Scan" {
			t.Fatalf("exit %d (step %q), want 1 from the scan\nstdout:\n%s\nstderr:\n%s", r.code, r.failedStep, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stdout, fmt.Sprintf("downloaded %s (SHA-256 %s verified)", archiveName(testVersion, "windows", hostArch()), sum)) {
			t.Errorf("the zip was not downloaded and verified:\n%s", r.stdout)
		}
		exe := filepath.Join(installedDir(env.toolCache, testVersion, hostRunnerArch()), "shiplint.exe")
		if r.stepOutputs["install"]["bin"] != exe {
			t.Errorf("install output bin = %q, want %q", r.stepOutputs["install"]["bin"], exe)
		}
		if ref := scanJSON(t, releaseBinaryFile(t), ws, "Dockerfile"); r.outputs["findings"] != fmt.Sprint(ref.reported()) {
			t.Errorf("findings %q, want %d", r.outputs["findings"], ref.reported())
		}
	})
}

// TestActionVersion runs the version step against a local repository with
// release tags (SHIPLINT_RELEASE_REPO stands in for github.com): which
// release an input or the action's ref resolves to.
func TestActionVersion(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	a := loadAction(t)
	root := repoRoot(t)

	// c1 v0.9.0 · c2 v0.10.0 · c3 v1.2.0 (annotated) and v1 · c4 v1.3.0 ·
	// c5 v2.0.0 · c6 v2.1.0-rc.1; main is at c6.
	repo := t.TempDir()
	gitRepo(t, repo)
	commits := map[string]string{}
	for i, tags := range [][]string{{"v0.9.0"}, {"v0.10.0"}, {"v1.2.0", "v1"}, {"v1.3.0"}, {"v2.0.0"}, {"v2.1.0-rc.1"}} {
		c := fmt.Sprintf("c%d", i+1)
		if r := run(t, repo, gitEnv, time.Minute, "git", "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", c); r.code != 0 {
			t.Fatal(r.combined())
		}
		for _, tag := range tags {
			args := []string{"tag", tag}
			if tag == "v1.2.0" {
				args = []string{"-c", "tag.gpgsign=false", "tag", "-a", "-m", "release " + tag, tag}
			}
			if r := run(t, repo, gitEnv, time.Minute, "git", args...); r.code != 0 {
				t.Fatal(r.combined())
			}
		}
		r := run(t, repo, gitEnv, time.Minute, "git", "rev-parse", "HEAD")
		commits[c] = strings.TrimSpace(r.stdout)
	}

	cases := []struct {
		name      string
		version   string // the version input
		ref       string // github.action_ref
		repo      string // SHIPLINT_RELEASE_REPO; empty: the test repository
		want      string // the version output; empty: the step fails with exit 2
		wantInLog string
	}{
		{name: "exact version input needs no lookup", version: "v1.4.2", repo: "/nonexistent", want: "1.4.2", wantInLog: "shiplint 1.4.2 (version 'v1.4.2', input version)"},
		{name: "exact prerelease without v", version: "2.1.0-rc.1", repo: "/nonexistent", want: "2.1.0-rc.1"},
		{name: "the action's release tag", ref: "v1.3.0", repo: "/nonexistent", want: "1.3.0", wantInLog: "(version 'v1.3.0', the action's ref)"},
		{name: "input wins over the action's ref", version: "v0.9.0", ref: "v1.3.0", want: "0.9.0"},
		{name: "major tag: the release it points at", ref: "v1", want: "1.2.0"},
		{name: "minor without a tag: newest of the series", version: "v1.3", want: "1.3.0"},
		{name: "major without a tag: newest of the series, by number", version: "v0", want: "0.10.0"},
		{name: "latest skips prereleases", version: "latest", want: "2.0.0"},
		{name: "commit of an annotated release tag", ref: commits["c3"], want: "1.2.0"},
		{name: "commit of a lightweight release tag", ref: commits["c4"], want: "1.3.0"},
		{name: "branch ref: latest, with a notice", ref: "main", want: "2.0.0",
			wantInLog: "::notice title=shiplint::the action's ref 'main' is not a release; running the latest release, 2.0.0. Pin the version input, or set build-from-source: true to run this ref's own code"},
		{name: "local action (no ref): latest", want: "2.0.0", wantInLog: "(version 'latest', default)"},
		{name: "no such release", version: "v3",
			wantInLog: "::error title=shiplint::no shiplint release matches version 'v3' (input version) in "},
		{name: "not a version", version: "../../etc",
			wantInLog: "::error title=shiplint::no shiplint release matches version '../../etc' (input version)"},
		{name: "tags cannot be listed", version: "v1", repo: filepath.Join(repo, "missing"),
			wantInLog: "::error title=shiplint::could not list the release tags of " + filepath.Join(repo, "missing") + " to resolve version 'v1' (input version); set the version input to an exact release (v1.2.3) to skip the lookup"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rr := repo
			if tc.repo != "" {
				rr = tc.repo
			}
			env := actionEnv{
				workspace: t.TempDir(), runnerTemp: t.TempDir(), actionPath: root, actionRef: tc.ref,
				toolCache: t.TempDir(), extra: []string{"SHIPLINT_RELEASE_REPO=" + rr}, stopAfter: "version",
			}
			inputs := map[string]string{}
			if tc.version != "" {
				inputs["version"] = tc.version
			}
			r := runAction(t, a, inputs, env)
			if tc.want == "" {
				if r.code != 2 || r.failedStep != "Resolve the shiplint version" {
					t.Errorf("exit %d (step %q), want the version step to fail with 2", r.code, r.failedStep)
				}
			} else if r.code != 0 || r.stepOutputs["version"]["version"] != tc.want {
				t.Errorf("exit %d, version %q, want %q\nstdout:\n%s\nstderr:\n%s", r.code, r.stepOutputs["version"]["version"], tc.want, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.wantInLog) {
				t.Errorf("log lacks %q:\n%s\n%s", tc.wantInLog, r.stdout, r.stderr)
			}
		})
	}

	t.Run("bad build-from-source", func(t *testing.T) {
		env := actionEnv{workspace: t.TempDir(), runnerTemp: t.TempDir(), actionPath: root, toolCache: t.TempDir()}
		r := runAction(t, a, map[string]string{"build-from-source": "yes", "version": "v1.0.0"}, env)
		if r.code != 2 || !strings.Contains(r.stdout, "::error title=shiplint::input build-from-source must be true or false, not 'yes'") {
			t.Errorf("exit %d, want 2 and an error naming the input:\n%s", r.code, r.stdout)
		}
	})
}

// TestActionBuildFromSource: build-from-source: true builds from the
// action's checkout (the fallback for unreleased refs) and downloads nothing.
func TestActionBuildFromSource(t *testing.T) {
	a := loadAction(t)
	ws := actionWorkspace(t, badWorkspace...)
	env := actionEnv{
		workspace: ws, runnerTemp: t.TempDir(), actionPath: repoRoot(t), actionRef: "main",
		toolCache: t.TempDir(), extra: []string{"SHIPLINT_RELEASE_BASE_URL=file:///nonexistent", "SHIPLINT_RELEASE_REPO=/nonexistent"},
	}
	// GitHub compares if: strings ignoring case, so TRUE builds too.
	r := runAction(t, a, map[string]string{"build-from-source": "TRUE", "path": "Dockerfile"}, env)
	if r.code != 1 || r.failedStep != "Scan" {
		t.Fatalf("exit %d (step %q), want 1 from the scan\nstdout:\n%s\nstderr:\n%s", r.code, r.failedStep, r.stdout, r.stderr)
	}
	if want := []string{"Set up Go", "Build shiplint", "Scan"}; !slices.Equal(r.ran, want) {
		t.Errorf("steps that ran: %q, want %q", r.ran, want)
	}
	if bin := r.stepOutputs["build"]["bin"]; bin != filepath.Join(env.runnerTemp, "shiplint"+exeSuffix()) {
		t.Errorf("build output bin = %q", bin)
	}
	if ref := scanJSON(t, releaseBinaryFile(t), ws, "Dockerfile"); r.outputs["findings"] != fmt.Sprint(ref.reported()) || r.outputs["version"] != "" {
		t.Errorf("outputs %q, want findings %d and no version", r.outputs, ref.reported())
	}
	if entries, _ := os.ReadDir(env.toolCache); len(entries) != 0 {
		t.Errorf("the tool cache was written when building from source")
	}
}

func exeSuffix() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}

// firstLineWriter records when a line matching a workflow-command finding
// is first written.
type firstLineWriter struct {
	mu    sync.Mutex
	buf   []byte
	first time.Time
}

func (w *firstLineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.first.IsZero() {
		w.buf = append(w.buf, p...)
		sc := bufio.NewScanner(bytes.NewReader(w.buf))
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "::error file=") || strings.HasPrefix(sc.Text(), "::warning file=") {
				w.first = time.Now()
				break
			}
		}
	}
	return len(p), nil
}

// BenchmarkActionFirstFinding times the action from the start of its first
// step to the first finding annotation in the log, against the fake release
// (a local file:// download, so network time is not in it): uncached (a
// fresh tool cache: download, verify, extract) and cached. It reports the
// median over b.N runs as ms-to-first-finding, and the median time of the
// version and install steps in it as ms-version+install.
//
//	go test ./integration -run '^$' -bench BenchmarkActionFirstFinding -benchtime 7x
func BenchmarkActionFirstFinding(b *testing.B) {
	a := loadAction(b)
	root := repoRoot(b)
	bin := releaseBinary(b)
	rel := newFakeRelease(b)
	rel.level = flate.DefaultCompression
	sum := rel.add(b, testVersion, hostOS(), hostArch(), bin)
	st, err := os.Stat(filepath.Join(rel.dir, "v"+testVersion, archiveName(testVersion, hostOS(), hostArch())))
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("archive %s: %d bytes (binary %d bytes), SHA-256 %s", st.Name(), st.Size(), len(bin), sum)
	ws := b.TempDir()
	for _, d := range badWorkspace {
		copyTree(b, filepath.Join("testdata", d), ws)
	}
	gitRepo(b, ws)

	for _, cached := range []bool{false, true} {
		name := "uncached"
		if cached {
			name = "cached"
		}
		b.Run(name, func(b *testing.B) {
			toolCache := b.TempDir()
			var installs []time.Duration
			once := func(fromCache bool) time.Duration {
				w := &firstLineWriter{}
				env := actionEnv{
					workspace: ws, runnerTemp: b.TempDir(), actionPath: root, actionRef: "v" + testVersion,
					toolCache: toolCache, extra: rel.env(), tee: w,
				}
				start := time.Now()
				r := runAction(b, a, nil, env)
				if r.code != 1 || w.first.IsZero() {
					b.Fatalf("exit %d, no finding line\n%s\n%s", r.code, r.stdout, r.stderr)
				}
				if strings.Contains(r.stdout, "(tool cache)") != fromCache {
					b.Fatalf("want the binary from the cache = %v, log:\n%s", fromCache, r.stdout)
				}
				installs = append(installs, r.took["version"]+r.took["install"])
				return w.first.Sub(start)
			}
			if cached {
				once(false) // fill the cache
				installs = nil
			}
			var times []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if !cached {
					b.StopTimer()
					if err := os.RemoveAll(filepath.Join(toolCache, "shiplint")); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				times = append(times, once(cached))
			}
			median := func(d []time.Duration) float64 {
				slices.Sort(d)
				return float64(d[len(d)/2].Microseconds()) / 1000
			}
			b.ReportMetric(median(times), "ms-to-first-finding")
			b.ReportMetric(median(installs), "ms-version+install")
		})
	}
}
