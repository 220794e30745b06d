package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// terminalProject is a Dockerfile and a Compose service whose findings
// show the layouts: two findings on one line, one over a block.
func terminalProject(t *testing.T) string {
	return project(t, map[string]string{
		".shiplint.yaml": "only: [DF001, DF002, DF003, DC001, DC018]\n",
		"Dockerfile":     "FROM debian\nRUN apt-get update \\\n && curl -fsSL https://x.example/i.sh | bash\n",
		"compose.yaml":   "services:\n  web:\n    image: nginx:1.25\n    privileged: true\n",
	})
}

// runIn runs shiplint in dir with stdout and stderr terminals or not, in a
// clean colour environment plus env.
func runIn(t *testing.T, dir string, outTerm, errTerm bool, env map[string]string, args ...string) outcome {
	t.Helper()
	for _, k := range []string{"NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"} {
		t.Setenv(k, "")
	}
	t.Setenv("TERM", "xterm-256color")
	for k, v := range env {
		t.Setenv(k, v)
	}
	var out, errOut bytes.Buffer
	saved := isTerminal
	isTerminal = func(w io.Writer) bool { return outTerm && w == &out || errTerm && w == &errOut }
	defer func() { isTerminal = saved }()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code := run(context.Background(), append([]string{"shiplint"}, args...), strings.NewReader(""), &out, &errOut)
	return outcome{code, out.String(), errOut.String()}
}

const (
	plainText = `Dockerfile:1: high DF001 The final stage sets no USER, so the container runs as root; add a non-root USER
      1 | FROM debian
Dockerfile:1: medium DF002 Base image "debian" has no tag, so it means "debian:latest": pin a version
      1 | FROM debian
Dockerfile:3:41: high DF003 Output of curl is piped into bash and executed unverified: download to a file and check its checksum first
      3 |  && curl -fsSL https://x.example/i.sh | bash

compose.yaml:2:3: low DC018 Service "web" does not set read_only: true: its root filesystem is writable
      2 |   web:
      3 |     image: nginx:1.25
      4 |     privileged: true
compose.yaml:4:5: critical DC001 Service "web" runs privileged: it has full access to the host
      4 |     privileged: true

5 findings (1 critical, 2 high, 1 medium, 1 low) in 2 of 2 files scanned; 1 file skipped (not a Dockerfile, Compose or Kubernetes file)
`
	groupedText = `Dockerfile
  1     high      DF001  The final stage sets no USER, so the container runs as root; add a non-root USER
  1     medium    DF002  Base image "debian" has no tag, so it means "debian:latest": pin a version
      1 | FROM debian
  3:41  high      DF003  Output of curl is piped into bash and executed unverified: download to a file and check its checksum first
      3 |  && curl -fsSL https://x.example/i.sh | bash

compose.yaml
  2:3  low       DC018  Service "web" does not set read_only: true: its root filesystem is writable
      2 |   web:
      3 |     image: nginx:1.25
      4 |     privileged: true
  4:5  critical  DC001  Service "web" runs privileged: it has full access to the host
      4 |     privileged: true

5 findings (1 critical, 2 high, 1 medium, 1 low) in 2 of 2 files scanned; 1 file skipped (not a Dockerfile, Compose or Kubernetes file)
`
	colorText = "\x1b[1mDockerfile\x1b[0m\n" +
		"  \x1b[2m1   \x1b[0m  \x1b[1;31mhigh    \x1b[0m  DF001  The final stage sets no USER, so the container runs as root; add a non-root USER\n" +
		"  \x1b[2m1   \x1b[0m  \x1b[33mmedium  \x1b[0m  DF002  Base image \"debian\" has no tag, so it means \"debian:latest\": pin a version\n" +
		"\x1b[2m      1 |\x1b[0m FROM debian\n" +
		"  \x1b[2m3:41\x1b[0m  \x1b[1;31mhigh    \x1b[0m  DF003  Output of curl is piped into bash and executed unverified: download to a file and check its checksum first\n" +
		"\x1b[2m      3 |\x1b[0m  && curl -fsSL https://x.example/i.sh | bash\n" +
		"\n" +
		"\x1b[1mcompose.yaml\x1b[0m\n" +
		"  \x1b[2m2:3\x1b[0m  \x1b[36mlow     \x1b[0m  DC018  Service \"web\" does not set read_only: true: its root filesystem is writable\n" +
		"\x1b[2m      2 |\x1b[0m   web:\n" +
		"\x1b[2m      3 |\x1b[0m     image: nginx:1.25\n" +
		"\x1b[2m      4 |\x1b[0m     privileged: true\n" +
		"  \x1b[2m4:5\x1b[0m  \x1b[1;35mcritical\x1b[0m  DC001  Service \"web\" runs privileged: it has full access to the host\n" +
		"\x1b[2m      4 |\x1b[0m     privileged: true\n" +
		"\n" +
		"\x1b[1m5 findings (1 critical, 2 high, 1 medium, 1 low) in 2 of 2 files scanned; 1 file skipped (not a Dockerfile, Compose or Kubernetes file)\x1b[0m\n"
)

// On a terminal the text report is grouped by file and coloured; NO_COLOR
// keeps the layout without escape codes; piped output is the plain format
// byte for byte unless colour is forced.
func TestTextLayoutAndColor(t *testing.T) {
	dir := terminalProject(t)
	for _, c := range []struct {
		name     string
		terminal bool
		env      map[string]string
		args     []string
		want     string
	}{
		{"terminal", true, nil, nil, colorText},
		{"terminal NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, nil, groupedText},
		{"terminal TERM=dumb", true, map[string]string{"TERM": "dumb"}, nil, groupedText},
		{"terminal --color=never", true, nil, []string{"--color=never"}, groupedText},
		{"terminal NO_COLOR --color=always", true, map[string]string{"NO_COLOR": "1"}, []string{"--color", "always"}, colorText},
		{"terminal NO_COLOR FORCE_COLOR", true, map[string]string{"NO_COLOR": "1", "FORCE_COLOR": "1"}, nil, groupedText},
		{"piped", false, nil, nil, plainText},
		{"piped --color=never", false, nil, []string{"--color=never"}, plainText},
		{"piped FORCE_COLOR=0", false, map[string]string{"FORCE_COLOR": "0"}, nil, plainText},
		{"piped --color=always", false, nil, []string{"--color=always"}, colorText},
		{"piped FORCE_COLOR", false, map[string]string{"FORCE_COLOR": "1"}, nil, colorText},
		{"piped CLICOLOR_FORCE", false, map[string]string{"CLICOLOR_FORCE": "1"}, nil, colorText},
	} {
		t.Run(c.name, func(t *testing.T) {
			var o outcome
			args := append(append([]string{"scan"}, c.args...), ".")
			if c.terminal {
				o = runIn(t, dir, true, false, c.env, args...)
			} else {
				o = runIn(t, t.TempDir(), false, false, c.env, append(args[:len(args)-1], "--config", filepath.Join(dir, ".shiplint.yaml"), dir)...)
				o.stdout = strings.ReplaceAll(o.stdout, filepath.ToSlash(dir)+"/", "")
			}
			if o.code != 1 || o.stdout != c.want || o.stderr != "" {
				t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", o.code, o.stderr, o.stdout, c.want)
			}
		})
	}
	// A report written to a file is plain, even from a terminal.
	out := filepath.Join(t.TempDir(), "report.txt")
	if o := runIn(t, dir, true, false, nil, "scan", "-o", out, "."); o.code != 1 || o.stdout != "" {
		t.Errorf("-o: exit %d, stdout %q", o.code, o.stdout)
	}
	if b, _ := os.ReadFile(out); string(b) != plainText {
		t.Errorf("-o file:\n%s\nwant:\n%s", b, plainText)
	}
	if o := runIn(t, dir, true, false, nil, "scan", "--color=sometimes", "."); o.code != 2 || o.stderr != "shiplint: --color \"sometimes\": want auto, always or never\n" {
		t.Errorf("--color=sometimes: exit %d, stderr %q", o.code, o.stderr)
	}
}

// A suppressed finding (--show-suppressed) and a chart's via line in the
// terminal layout, and every value from the tree still escaped.
func TestGroupedLayoutEscapesAndNotes(t *testing.T) {
	dir := project(t, map[string]string{
		".shiplint.yaml":       "only: [DF001, DF002]\n",
		"a\x1b[31m/Dockerfile": "# shiplint ignore=DF001 -- reviewed\x1b[2J\nFROM debian\n",
	})
	o := runIn(t, dir, true, false, map[string]string{"NO_COLOR": "1"}, "scan", "-q", "--show-suppressed", ".")
	want := `a\x1b[31m/Dockerfile
  2  high      DF001  The final stage sets no USER, so the container runs as root; add a non-root USER [suppressed by shiplint: reviewed\x1b[2J]
  2  medium    DF002  Base image "debian" has no tag, so it means "debian:latest": pin a version
      2 | FROM debian
`
	if o.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", o.stdout, want)
	}
}

// A finding over more than 20 lines shows its first 20 and a line "…", in
// text and in SARIF's region.snippet.
func TestMultiLineSnippetCapped(t *testing.T) {
	var env strings.Builder
	for i := range 12 {
		env.WriteString("        - name: V" + string(rune('A'+i)) + "\n          value: x\n")
	}
	dir := project(t, map[string]string{
		".shiplint.yaml": "only: [KS029]\n",
		"pod.yaml":       "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n      env:\n" + env.String(),
	})
	o := shiplint(t, "", "scan", "-q", "--config", filepath.Join(dir, ".shiplint.yaml"), filepath.Join(dir, "pod.yaml"))
	o.stdout = strings.ReplaceAll(o.stdout, filepath.ToSlash(dir)+"/", "")
	want := `pod.yaml:7:7: low KS029 container "c" of Pod "p" has no cpu request
      7 |     - name: c
      8 |       image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000
      9 |       env:
     10 |         - name: VA
     11 |           value: x
     12 |         - name: VB
     13 |           value: x
     14 |         - name: VC
     15 |           value: x
     16 |         - name: VD
     17 |           value: x
     18 |         - name: VE
     19 |           value: x
     20 |         - name: VF
     21 |           value: x
     22 |         - name: VG
     23 |           value: x
     24 |         - name: VH
     25 |           value: x
     26 |         - name: VI
        | …
`
	if o.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", o.stdout, want)
	}
	o = shiplint(t, "", "scan", "-f", "sarif", "--config", filepath.Join(dir, ".shiplint.yaml"), filepath.Join(dir, "pod.yaml"))
	lines := strings.Split(want, "\n")
	var snippet []string
	for _, l := range lines[1 : len(lines)-1] {
		snippet = append(snippet, l[min(len(l), 10):])
	}
	if s := `"text": "` + strings.ReplaceAll(strings.Join(snippet, "\n"), "\n", `\n`) + `"`; !strings.Contains(o.stdout, s) {
		t.Errorf("SARIF lacks the snippet %s:\n%s", s, o.stdout)
	}
}

// The progress line appears on a terminal's stderr once the run has taken
// a second, is redrawn in place and erased before the report; not on a
// stderr that is not a terminal.
func TestProgressLine(t *testing.T) {
	start := time.Unix(1e9, 0)
	calls := 0
	saved := clock
	clock = func() time.Time {
		calls++
		if calls == 1 {
			return start // the run begins
		}
		return start.Add(2 * time.Second)
	}
	defer func() { clock = saved }()
	dir := terminalProject(t)
	o := runIn(t, dir, true, true, map[string]string{"NO_COLOR": "1"}, "scan", "-q", ".")
	// Files finish in any order: the first line drawn says 1/2 files with
	// that file's findings; the others come within 100 ms and are not
	// drawn, but the last file always is.
	re := regexp.MustCompile(`^\r\x1b\[Kshiplint: 1/2 files, [0-9]+ findings?\r\x1b\[Kshiplint: 2/2 files, 5 findings\r\x1b\[K$`)
	if !re.MatchString(o.stderr) {
		t.Errorf("stderr %q, want it to match %s", o.stderr, re)
	}
	if o.code != 1 || !strings.HasPrefix(o.stdout, "Dockerfile\n") {
		t.Errorf("exit %d, stdout:\n%s", o.code, o.stdout)
	}
	// stderr not a terminal (stdout is): nothing.
	calls = 0
	if o := runIn(t, dir, true, false, nil, "scan", "-q", "."); o.stderr != "" || o.code != 1 {
		t.Errorf("not a terminal: exit %d, stderr %q", o.code, o.stderr)
	}
	// Under a second: nothing either.
	clock = func() time.Time { return start }
	if o := runIn(t, dir, true, true, nil, "scan", "-q", "."); o.stderr != "" {
		t.Errorf("quick run: stderr %q", o.stderr)
	}
}
