package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/shiplint/shiplint/internal/confine"
)

// Hostile repositories (issue 12): nothing outside the scanned tree is
// read, nothing of it leaks into any output, nothing blocks, and what is
// not read is a finding. Every input is built here, at test time.

const (
	fileCanary = "CANARY-FILE-5b1e07"
	envCanary  = "CANARY-ENV-93cd2a"
)

// outsideWhy is what every refusal of a path out of the tree says,
// whatever lies at its end.
const outsideWhy = "it leads out of the scanned directory (an absolute path, a path that climbs out with .., or a symlink pointing out of it); only files inside it are read"

// hostileRepo is a repository beside an outside directory holding canary
// files: a dotenv, a Compose file and a Kubernetes manifest whose content
// would show in findings if it were read.
func hostileRepo(t *testing.T, files map[string]string) (repo, outside string) {
	t.Helper()
	base := t.TempDir()
	repo, outside = filepath.Join(base, "repo"), filepath.Join(base, "outside")
	for name, content := range map[string]string{
		"canary.env":  "IMAGE=" + fileCanary + "\n",
		"compose.yml": "services:\n  base:\n    privileged: true\n    image: " + fileCanary + "\n",
		"pod.yaml":    "apiVersion: v1\nkind: Pod\nmetadata: {name: " + fileCanary + "}\nspec:\n  containers:\n    - {name: c, image: x:1, securityContext: {privileged: true}}\n",
		"policy.rego": "package " + fileCanary + "\n",
	} {
		write(t, filepath.Join(outside, name), content)
	}
	for name, content := range files {
		write(t, filepath.Join(repo, name), content)
	}
	os.MkdirAll(repo, 0o755)
	return repo, outside
}

func makeFIFO(t *testing.T, name string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
}

// runWithin runs shiplint and fails the test if it does not return within
// 30 s: a hang detector (a FIFO read blocks forever), not a speed assertion.
func runWithin(t *testing.T, args ...string) outcome {
	t.Helper()
	done := make(chan outcome, 1)
	go func() { done <- shiplint(t, "", args...) }()
	select {
	case o := <-done:
		return o
	case <-time.After(30 * time.Second):
		t.Fatalf("shiplint %s did not return within 30 s (blocked)", strings.Join(args, " "))
		return outcome{}
	}
}

// scanConfined scans dir with a config (named on the command line, so
// trusted) that runs only the given rules.
func scanConfined(t *testing.T, dir, only string, extra ...string) (outcome, jsonOut) {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "shiplint.yaml")
	write(t, cfg, "only: ["+only+"]\n")
	o := runWithin(t, append(append([]string{"scan", "-f", "json", "--config", cfg}, extra...), dir)...)
	var out jsonOut
	if err := json.Unmarshal([]byte(o.stdout), &out); err != nil {
		t.Fatalf("output is not JSON (%v): %s\n%s", err, o.stdout, o.stderr)
	}
	return o, out
}

// findings lists "rule path:line message" with paths relative to dir.
func (out jsonOut) findings(dir string) []string {
	var got []string
	for _, f := range out.Findings {
		p := strings.TrimPrefix(strings.TrimPrefix(f.Path, filepath.ToSlash(dir)), "/")
		got = append(got, fmt.Sprintf("%s %s:%d %s", f.RuleID, p, f.Range.StartLine, f.Message))
	}
	return got
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Symlinks out of the tree (the process environment, /etc/shadow, a canary
// file, the CI token in .git/config) are findings at line 1 in the same
// words, and no canary reaches any output format.
func TestNothingOutsideTheTreeLeaks(t *testing.T) {
	t.Setenv("SHIPLINT_TEST_CANARY", envCanary)
	repo, outside := hostileRepo(t, map[string]string{
		"compose.yaml":     "services:\n  web:\n    image: ${IMAGE:-nginx:1.27}\n    privileged: true\n",
		".git/config":      "[http]\n\textraheader = AUTHORIZATION: basic " + fileCanary + "\n",
		"app/compose.yaml": "services:\n  api:\n    image: ${extraheader:-nginx:1.27}\n",
	})
	symlink(t, "/proc/self/environ", filepath.Join(repo, "Dockerfile.environ"))
	symlink(t, "/etc/shadow", filepath.Join(repo, "Dockerfile.shadow"))
	symlink(t, "/nonexistent/Dockerfile", filepath.Join(repo, "Dockerfile.nothing"))
	symlink(t, filepath.Join(outside, "pod.yaml"), filepath.Join(repo, "k8s/pod.yaml"))
	symlink(t, "../../outside/pod.yaml", filepath.Join(repo, "k8s/rel.yaml"))
	symlink(t, filepath.Join(outside, "canary.env"), filepath.Join(repo, ".env"))
	symlink(t, "../.git/config", filepath.Join(repo, "app/.env"))

	_, out := scanConfined(t, repo, "DC001, DC003, KS001, file-not-scanned", "--fail-on", "high")
	sameLines(t, "findings", out.findings(repo), []string{
		"file-not-scanned Dockerfile.environ:1 not scanned: " + outsideWhy,
		"file-not-scanned Dockerfile.nothing:1 not scanned: " + outsideWhy,
		"file-not-scanned Dockerfile.shadow:1 not scanned: " + outsideWhy,
		"file-not-scanned app/compose.yaml:1 the .env file beside this Compose file was not read: it resolves into version-control metadata (.git), which can hold credentials; such files are never read; the variables it would set are unset here",
		"file-not-scanned compose.yaml:1 the .env file beside this Compose file was not read: " + outsideWhy + "; the variables it would set are unset here",
		"DC001 compose.yaml:4 Service \"web\" runs privileged: it has full access to the host",
		"file-not-scanned k8s/pod.yaml:1 not scanned: " + outsideWhy,
		"file-not-scanned k8s/rel.yaml:1 not scanned: " + outsideWhy,
	})
	if out.Summary.FilesNotScanned != 5 || out.Summary.FilesScanned != 2 {
		t.Errorf("summary %+v: 5 files not scanned, 2 scanned", out.Summary)
	}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		o := runWithin(t, "scan", "-f", format, repo)
		if o.code != 1 {
			t.Errorf("%s: exit %d, want 1: %s", format, o.code, o.stderr)
		}
		for _, canary := range []string{fileCanary, envCanary, outside} {
			if strings.Contains(o.stdout+o.stderr, canary) {
				t.Errorf("%s output holds %q:\n%s%s", format, canary, o.stdout, o.stderr)
			}
		}
	}
}

// /dev/zero and FIFOs where shiplint reads (a .env, an extends file, a
// discovered Dockerfile) are refused at once, at their lines.
func TestDevZeroAndFIFOsDoNotBlock(t *testing.T) {
	repo, _ := hostileRepo(t, map[string]string{
		"zero/compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    extends: {file: ../../../../dev/zero, service: base}\n",
		"pipe/compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    extends:\n      file: pipe.yml\n      service: base\n",
	})
	symlink(t, "/dev/zero", filepath.Join(repo, "zero/.env"))
	makeFIFO(t, filepath.Join(repo, "pipe/.env"))
	makeFIFO(t, filepath.Join(repo, "pipe/pipe.yml"))
	makeFIFO(t, filepath.Join(repo, "Dockerfile"))
	fifoWhy := "it is a FIFO (named pipe), not a regular file; only regular files are read"
	o, out := scanConfined(t, repo, "file-not-scanned")
	sameLines(t, "findings", out.findings(repo), []string{
		"file-not-scanned Dockerfile:1 not scanned: " + fifoWhy,
		"file-not-scanned pipe/compose.yaml:1 the .env file beside this Compose file was not read: " + fifoWhy + "; the variables it would set are unset here",
		`file-not-scanned pipe/compose.yaml:5 service web extends "base" from pipe.yml, which was not read: ` + fifoWhy + `; the service is checked without what it would inherit`,
		"file-not-scanned pipe/pipe.yml:1 not scanned: " + fifoWhy,
		"file-not-scanned zero/compose.yaml:1 the .env file beside this Compose file was not read: " + outsideWhy + "; the variables it would set are unset here",
		`file-not-scanned zero/compose.yaml:4 service web extends "base" from ../../../../dev/zero, which was not read: ` + outsideWhy + `; the service is checked without what it would inherit`,
	})
	if o.code != 1 {
		t.Errorf("exit %d, want 1", o.code)
	}
}

// An extends file outside the tree is not merged: its privileged service
// does not make the scanned one privileged, and the finding says the
// service was checked without it.
func TestOutsideExtendsIsNotMerged(t *testing.T) {
	repo, outside := hostileRepo(t, nil)
	write(t, filepath.Join(repo, "compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n    extends: {file: ../outside/compose.yml, service: base}\n  api:\n    image: nginx:1.27\n    extends: {file: "+filepath.Join(outside, "compose.yml")+", service: base}\n")
	_, out := scanConfined(t, repo, "DC001, file-not-scanned")
	sameLines(t, "findings", out.findings(repo), []string{
		`file-not-scanned compose.yaml:4 service web extends "base" from ../outside/compose.yml, which was not read: ` + outsideWhy + `; the service is checked without what it would inherit`,
		`file-not-scanned compose.yaml:7 service api extends "base" from ` + filepath.Join(outside, "compose.yml") + `, which was not read: an absolute path leads outside the scanned directory; only files inside it are read; the service is checked without what it would inherit`,
	})
}

// 60 services extend one 4 MB file through six differently linked paths:
// extends reads it once (discovery reads it once more, to see what the YAML
// is: a Compose file by its shape, scanned on its own too), and every
// service inherits from it.
func TestBigExtendsFileReadOnce(t *testing.T) {
	repo, _ := hostileRepo(t, map[string]string{"common/big.yml": bigExtendsFile(4 << 20), "app/compose.yaml": manyExtends(60)})
	for i := range 6 {
		symlink(t, "../common", filepath.Join(repo, "app", fmt.Sprintf("link%d", i)))
	}
	var mu sync.Mutex
	reads := map[confine.ID]int{}
	onRead = func(id confine.ID) { mu.Lock(); reads[id]++; mu.Unlock() }
	defer func() { onRead = nil }()
	_, out := scanConfined(t, repo, "DC001, file-not-scanned")
	if len(out.Findings) != 61 || out.Findings[0].RuleID != "DC001" || out.Findings[59].Range.StartLine != 181 ||
		!strings.HasSuffix(out.Findings[60].Path, "/common/big.yml") || out.Findings[60].Range.StartLine != 4 {
		t.Errorf("findings %+v: want DC001 at each of the 60 extends lines and at the base's privileged line", out.findings(repo))
	}
	big, err := os.Stat(filepath.Join(repo, "common", "big.yml"))
	if err != nil {
		t.Fatal(err)
	}
	st := big.Sys().(*syscall.Stat_t)
	id := confine.ID{Dev: uint64(st.Dev), Ino: uint64(st.Ino)}
	if len(reads) != 2 || reads[id] != 2 {
		t.Errorf("reads %v: want app/compose.yaml once and common/big.yml (%v) twice, by discovery and by extends", reads, id)
	}
}

// bigExtendsFile is a Compose file of about size bytes: a small privileged
// base service, and a large one nothing extends.
func bigExtendsFile(size int) string {
	var b strings.Builder
	b.WriteString("services:\n  base:\n    image: nginx:1.27\n    privileged: true\n  filler:\n    image: nginx:1.27\n    environment:\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "      VARIABLE_%07d: %s\n", i, strings.Repeat("v", 40))
	}
	return b.String()
}

// manyExtends is a Compose file whose n services extend common/big.yml
// through link0..link5, each a symlink to ../common.
func manyExtends(n int) string {
	var b strings.Builder
	b.WriteString("services:\n")
	for i := range n {
		fmt.Fprintf(&b, "  s%02d:\n    image: nginx:1.27\n    extends: {file: link%d/./big.yml, service: base}\n", i, i%6)
	}
	return b.String()
}

// shiplint scan deploy, where deploy is a symlink to a directory, scans
// the directory, and shows paths under the name given.
func TestSymlinkedRootIsScanned(t *testing.T) {
	repo, _ := hostileRepo(t, map[string]string{"Dockerfile": "FROM alpine:3.20\n"})
	deploy := filepath.Join(t.TempDir(), "deploy")
	symlink(t, repo, deploy)
	o, out := scanConfined(t, deploy, "DF001")
	if o.code != 1 || len(out.Findings) != 1 || out.Findings[0].Path != filepath.ToSlash(filepath.Join(deploy, "Dockerfile")) || out.Summary.FilesScanned != 1 {
		t.Errorf("exit %d, findings %+v, summary %+v", o.code, out.Findings, out.Summary)
	}
}

// A manifest padded past --max-file-size is a finding at line 1, so the
// gate fails instead of passing it unread.
func TestPaddedFileIsAFinding(t *testing.T) {
	pod := "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: x:1, securityContext: {privileged: true}}\n"
	padded := pod + "#" + strings.Repeat(" padding", 200) + "\n"
	repo, _ := hostileRepo(t, map[string]string{"pod.yaml": padded})
	o, out := scanConfined(t, repo, "KS001, file-not-scanned", "--max-file-size", "1000", "--fail-on", "high")
	sameLines(t, "findings", out.findings(repo), []string{
		fmt.Sprintf("file-not-scanned pod.yaml:1 not scanned: its %d bytes are over the 1000-byte limit (--max-file-size)", len(padded)),
	})
	if o.code != 1 || out.Summary.FilesNotScanned != 1 {
		t.Errorf("exit %d, summary %+v; want 1 and one file not scanned", o.code, out.Summary)
	}
	o = runWithin(t, "scan", "--max-file-size", "1000", repo)
	if !strings.Contains(o.stdout, "1 file not scanned (see file-not-scanned)") {
		t.Errorf("text summary: %s", o.stdout)
	}
}

// Without a .git above it, config lookup stops at the scan root: a
// .shiplint.yaml in a parent that turns everything off is not used.
func TestConfigLookupStopsAtScanRoot(t *testing.T) {
	parent := t.TempDir()
	write(t, filepath.Join(parent, ".shiplint.yaml"), "fail-on: critical\ndisable: [DF001, file-not-scanned, syntax-error]\n")
	write(t, filepath.Join(parent, "checkout", "Dockerfile"), "FROM alpine:3.20\n")
	o := runWithin(t, "scan", "-f", "json", filepath.Join(parent, "checkout"))
	if o.code != 1 || !strings.Contains(o.stdout, `"ruleId": "DF001"`) {
		t.Errorf("exit %d: the parent's config was used:\n%s%s", o.code, o.stdout, o.stderr)
	}
}

// A config found in the tree that is a symlink to /dev/zero, or names a
// policy outside the tree, is a run error naming the file (and line).
func TestFoundConfigIsConfined(t *testing.T) {
	repo, outside := hostileRepo(t, map[string]string{"Dockerfile": "FROM alpine:3.20\n"})
	symlink(t, "/dev/zero", filepath.Join(repo, ".shiplint.yaml"))
	o := runWithin(t, "scan", repo)
	want := "shiplint: config " + filepath.Join(repo, ".shiplint.yaml") + " was not read: " + outsideWhy + "; a config found in the scanned tree must be a regular file inside " + repo + " (or pass --config)\n"
	if o.code != 2 || o.stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", o.code, o.stderr, want)
	}
	os.Remove(filepath.Join(repo, ".shiplint.yaml"))
	write(t, filepath.Join(repo, ".shiplint.yaml"), "fail-on: high\npolicies:\n  - ../outside\n")
	o = runWithin(t, "scan", repo)
	want = "shiplint: " + filepath.Join(repo, ".shiplint.yaml") + ":3: policies: ../outside is outside; a config found in the scanned tree can only name policies inside " + repo + " (pass --policy, or this file with --config, for others)\n"
	if o.code != 2 || o.stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", o.code, o.stderr, want)
	}
	if strings.Contains(o.stdout+o.stderr, outside+"/policy.rego") {
		t.Error("the outside policy was named")
	}
}

// A policy file that is a symlink to /dev/zero (or out of its directory)
// stops the run at once with exit 2, naming the file and what to do.
func TestPolicySymlinkIsRefused(t *testing.T) {
	repo, outside := hostileRepo(t, map[string]string{"Dockerfile": "FROM alpine:3.20\n"})
	for target, why := range map[string]string{
		"/dev/zero":                           outsideWhy,
		filepath.Join(outside, "policy.rego"): outsideWhy,
		"fifo":                                "it is a FIFO (named pipe), not a regular file; only regular files are read",
	} {
		policy := t.TempDir()
		if target == "fifo" {
			makeFIFO(t, filepath.Join(policy, "fifo"))
		}
		symlink(t, target, filepath.Join(policy, "x.rego"))
		o := runWithin(t, "scan", "--policy", policy, repo)
		want := "shiplint: policy " + filepath.Join(policy, "x.rego") + " was not read: " + why + "; a policy must be a regular .rego file inside " + policy + ", at most 8388608 bytes (replace a symlink with the file it points at)\n"
		if o.code != 2 || o.stderr != want {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant:\n%s", target, o.code, o.stderr, want)
		}
	}
}
