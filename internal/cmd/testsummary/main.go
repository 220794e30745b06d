// Command testsummary reads `go test -json` on stdin and prints what plain
// `go test` would (one line per package, the output of failed tests and
// of build failures), then lists every skipped test with its reason, so
// `make test` says which tests did not run and why (a missing editor
// client, an absent corpus) instead of hiding it behind "ok". It exits 1
// when a test or a build failed, or when no package passed at all.
//
//	go test -json ./... | go run ./internal/cmd/testsummary
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	Elapsed    float64
	ImportPath string // build-output and build-fail
}

type key struct{ pkg, test string }

type summary struct {
	out      io.Writer
	output   map[key][]string // each test's output, until it ends
	build    map[string][]string
	skipped  []string
	failed   bool
	passed   int
	packages int
}

func main() {
	s := &summary{out: os.Stdout, output: map[key][]string{}, build: map[string][]string{}}
	if err := s.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(1)
	}
	if !s.finish() {
		os.Exit(1)
	}
}

func (s *summary) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
			fmt.Fprintln(s.out, string(line)) // not an event: go's own message
			continue
		}
		s.event(e)
	}
	return sc.Err()
}

func (s *summary) event(e event) {
	k := key{e.Package, e.Test}
	switch e.Action {
	case "build-output":
		s.build[e.ImportPath] = append(s.build[e.ImportPath], e.Output)
	case "build-fail":
		s.failed = true
		fmt.Fprint(s.out, strings.Join(s.build[e.ImportPath], ""))
	case "output":
		s.output[k] = append(s.output[k], e.Output)
	case "skip":
		if e.Test != "" {
			s.skipped = append(s.skipped, fmt.Sprintf("%s %s: %s", e.Package, e.Test, reason(s.output[k])))
		}
		delete(s.output, k)
	case "pass":
		if e.Test == "" {
			s.packages++
			s.passed++
			fmt.Fprintf(s.out, "ok  \t%s\t%.3fs\n", e.Package, e.Elapsed)
		}
		delete(s.output, k)
	case "fail":
		s.failed = true
		if e.Test == "" {
			s.packages++
			fmt.Fprint(s.out, strings.Join(s.output[k], ""))
			fmt.Fprintf(s.out, "FAIL\t%s\t%.3fs\n", e.Package, e.Elapsed)
		} else if strings.Contains(e.Test, "/") {
			return // kept for its top-level test, which prints it
		} else {
			fmt.Fprint(s.out, strings.Join(s.subtree(k), ""))
		}
		delete(s.output, k)
	}
}

// subtree is the output of test k and of its subtests still held.
func (s *summary) subtree(k key) []string {
	out := append([]string(nil), s.output[k]...)
	var subs []key
	for o := range s.output {
		if o.pkg == k.pkg && strings.HasPrefix(o.test, k.test+"/") {
			subs = append(subs, o)
		}
	}
	sort.Slice(subs, func(i, j int) bool { return subs[i].test < subs[j].test })
	for _, o := range subs {
		out = append(out, s.output[o]...)
		delete(s.output, o)
	}
	return out
}

// reason is a skipped test's message: its output without the
// "=== RUN" and "--- SKIP" lines.
func reason(lines []string) string {
	var parts []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		// "file_test.go:36: message"
		if i := strings.Index(t, ": "); i > 0 && strings.Contains(t[:i], "_test.go:") {
			t = t[i+2:]
		}
		parts = append(parts, t)
	}
	if len(parts) == 0 {
		return "(no reason given)"
	}
	return strings.Join(parts, " ")
}

// finish prints the skipped tests and reports whether everything passed.
func (s *summary) finish() bool {
	if len(s.skipped) > 0 {
		sort.Strings(s.skipped)
		fmt.Fprintf(s.out, "\n*** %d test(s) SKIPPED, not run:\n", len(s.skipped))
		for _, l := range s.skipped {
			fmt.Fprintf(s.out, "***   %s\n", l)
		}
		fmt.Fprintln(s.out, "*** (.ci/run installs every client; there a missing one fails instead of skipping)")
	}
	if s.passed == 0 && !s.failed {
		fmt.Fprintln(s.out, "testsummary: no package passed (no test output read)")
		return false
	}
	return !s.failed
}
