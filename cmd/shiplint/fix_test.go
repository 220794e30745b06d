package main

import (
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

// fixedRules are the built-in rules that attach a fix. Each has bad
// fixtures in testdata/rules/ID on which the fix removes its findings.
var fixedRules = []string{
	"KS016", "KS001", "KS026", "KS018", "KS019", "DC001", "DC006", "DC017", "DF020", "DF021", "DF026", "DF027",
	"KS003", "KS005", "KS006", "KS007", "KS012", "KS013", "KS023", "KS025", "DC036", "DF028",
	"KS036", "KS004", "KS085", "DC008", "DC030",
	"DF010", "DF015", "DF024", "DF040",
	"KS115", "KS118", "KS120", "KS122",
	"KS010", "KS127", "DC025", "DF005", "DF047",
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o640); err != nil {
			t.Fatal(err)
		}
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func fixScanJSON(t *testing.T, args ...string) finding.Result {
	t.Helper()
	o := shiplint(t, "", append([]string{"scan", "-f", "json"}, args...)...)
	if o.code == exitError {
		t.Fatalf("scan %v: exit %d: %s", args, o.code, o.stderr)
	}
	var res finding.Result
	if err := json.Unmarshal([]byte(o.stdout), &res); err != nil {
		t.Fatalf("scan %v: %v\n%s", args, err, o.stdout)
	}
	return res
}

func ofRule(fs []finding.Finding, id string) (all, fixable int) {
	for _, f := range fs {
		if f.RuleID == id && f.Suppressed == nil {
			all++
			if f.Fix != nil {
				fixable++
			}
		}
	}
	return all, fixable
}

// fixedGolden compares a fixture's text after --fix with
// testdata/fixes/ID/NAME: the exact edit each fix makes, for review
// (go test ./cmd/shiplint -run TestFixEveryFixedRule -update rewrites them).
func fixedGolden(t *testing.T, id, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "fixes", id, name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%s after --fix: no %s (go test ./cmd/shiplint -run TestFixEveryFixedRule -update writes it)", name, path)
		return
	}
	if got != string(want) {
		t.Errorf("%s after --fix differs from %s:\n%s", name, path, got)
	}
}

// TestFixEveryFixedRule: on a copy of each fixed rule's fixtures, scan
// --fix (only that rule) removes exactly the findings that have a fix,
// every file still parses and no other rule's run breaks, and a second
// --fix changes nothing.
func TestFixEveryFixedRule(t *testing.T) {
	for _, id := range fixedRules {
		t.Run(id, func(t *testing.T) {
			dir := t.TempDir()
			work := filepath.Join(dir, "src")
			if err := os.Mkdir(work, 0o755); err != nil {
				t.Fatal(err)
			}
			copyDir(t, filepath.Join("testdata", "rules", id), work)
			cfg := filepath.Join(dir, "only.yaml")
			if err := os.WriteFile(cfg, []byte("only: ["+id+"]\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			before := fixScanJSON(t, "--config", cfg, work)
			n, fixable := ofRule(before.Findings, id)
			if fixable == 0 {
				t.Fatalf("%s: no finding with a fix in its fixtures (%d findings)", id, n)
			}
			orig := readTree(t, work)
			o := shiplint(t, "", "scan", "--fix", "--config", cfg, work)
			if o.code == exitError {
				t.Fatalf("--fix: exit %d: %s", o.code, o.stderr)
			}
			after := fixScanJSON(t, "--config", cfg, work)
			if left, _ := ofRule(after.Findings, id); left != n-fixable {
				t.Errorf("after --fix: %d %s findings, want %d (%d had a fix)\n%s", left, id, n-fixable, fixable, o.stderr)
			}
			fixedTree := readTree(t, work)
			changed := 0
			for name, text := range fixedTree {
				if text != orig[name] {
					changed++
					fixedGolden(t, id, name, text)
				} else if _, err := os.Stat(filepath.Join("testdata", "fixes", id, name)); err == nil {
					t.Errorf("%s: --fix left it unchanged, but testdata/fixes/%s/%s expects a change", name, id, name)
				}
			}
			if changed == 0 {
				t.Errorf("--fix changed no file")
			}
			// Every file still parses under the whole rule pack.
			none := filepath.Join(dir, "none.yaml")
			if err := os.WriteFile(none, []byte("fail-on: critical\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			all := fixScanJSON(t, "--config", none, work)
			for _, nt := range all.Notifications {
				if nt.Level == "error" {
					t.Errorf("after --fix: %s: %s", nt.Path, nt.Message)
				}
			}
			o = shiplint(t, "", "scan", "--fix", "--config", cfg, work)
			if o.code == exitError {
				t.Fatalf("second --fix: exit %d: %s", o.code, o.stderr)
			}
			for name, text := range readTree(t, work) {
				if text != fixedTree[name] {
					t.Errorf("second --fix changed %s:\n%s", name, text)
				}
			}
			if !strings.Contains(o.stderr, "fixed 0 finding(s) in 0 file(s)") {
				t.Errorf("second --fix: stderr %q", o.stderr)
			}
		})
	}
}

// TestFixDiff: --fix --diff prints exactly the change and writes nothing.
func TestFixDiff(t *testing.T) {
	dir := t.TempDir()
	src := "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n    - name: app   # keep me\r\n      image: 'example/app:1.0'\r\n"
	file := filepath.Join(dir, "pod.yaml")
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "only.yaml")
	if err := os.WriteFile(cfg, []byte("only: [KS016]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := shiplint(t, "", "scan", "--fix", "--diff", "--config", cfg, file)
	rel := strings.TrimPrefix(filepath.ToSlash(file), "/")
	want := "--- a/" + rel + "\n+++ b/" + rel + "\n@@ -6,3 +6,5 @@\n" +
		`   containers:\r` + "\n" +
		`     - name: app   # keep me\r` + "\n" +
		`       image: 'example/app:1.0'\r` + "\n" +
		`+      securityContext:\r` + "\n" +
		`+        allowPrivilegeEscalation: false\r` + "\n"
	if o.stdout != want {
		t.Errorf("diff:\n%s\nwant:\n%s", o.stdout, want)
	}
	if !strings.Contains(o.stderr, "would fix 1 finding(s) in 1 file(s)") {
		t.Errorf("stderr: %q", o.stderr)
	}
	if b, _ := os.ReadFile(file); string(b) != src {
		t.Errorf("--diff changed the file:\n%q", b)
	}
	// Then --fix writes the same, in CRLF, and keeps the file's mode.
	shiplint(t, "", "scan", "--fix", "--config", cfg, file)
	b, _ := os.ReadFile(file)
	if wantText := src + "      securityContext:\r\n        allowPrivilegeEscalation: false\r\n"; string(b) != wantText {
		t.Errorf("--fix wrote\n%q\nwant\n%q", b, wantText)
	}
	if info, _ := os.Stat(file); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
}

// TestFixLeavesChangedAndOutsideFilesAlone: a file whose text is not what
// the scan read, or that lies outside every scan root, is not written.
func TestFixLeavesChangedAndOutsideFilesAlone(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "Dockerfile")
	src := "FROM debian:12\nRUN apt-get install -y curl\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rel := filepath.ToSlash(file) // shiplint reports a file given by its absolute path as it is
	fx := &finding.Fix{Description: "d", Edits: []finding.Edit{{Path: rel, Range: document.Range{StartLine: 2, StartColumn: 20, EndLine: 2, EndColumn: 20}, NewText: " --no-install-recommends"}}}
	res := finding.Result{Findings: []finding.Finding{{RuleID: "DF021", Path: rel, Fix: fx}}}
	var out, errOut strings.Builder
	stale := readHashes{rel: sha256.Sum256([]byte("FROM debian:12\n"))}
	left := applyFixes(&out, &errOut, scanFlags{paths: []string{dir}, fix: fixWrite}, res, stale, rescanner{})
	if b, _ := os.ReadFile(file); string(b) != src || len(left) != 1 {
		t.Errorf("changed file was written (%d left): %q", len(left), b)
	}
	if !strings.Contains(errOut.String(), "changed on disk since it was read; not fixed") {
		t.Errorf("stderr: %q", errOut.String())
	}
	errOut.Reset()
	fresh := readHashes{rel: sha256.Sum256([]byte(src))}
	left = applyFixes(&out, &errOut, scanFlags{paths: []string{t.TempDir()}, fix: fixWrite}, res, fresh, rescanner{})
	if b, _ := os.ReadFile(file); string(b) != src || len(left) != 1 {
		t.Errorf("file outside the roots was written: %q", b)
	}
	if !strings.Contains(errOut.String(), "not inside a scan root; not fixed") {
		t.Errorf("stderr: %q", errOut.String())
	}
	left = applyFixes(&out, &errOut, scanFlags{paths: []string{dir}, fix: fixWrite}, res, fresh, rescanner{})
	if b, _ := os.ReadFile(file); string(b) != "FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n" || len(left) != 0 {
		t.Errorf("fix not applied (%d left): %q", len(left), b)
	}
}

// TestFixNotPlacedAfterMultiLinePlainScalar: where a container ends in a
// plain scalar written over several lines, the positions do not say where
// it ends, so no fix is offered there (it once split the scalar in two).
func TestFixNotPlacedAfterMultiLinePlainScalar(t *testing.T) {
	dir := t.TempDir()
	src := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x:1\n    args:\n    - cp a b;\n      while true; do\n      sleep 30;\n      done\n"
	file := filepath.Join(dir, "pod.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "only.yaml")
	if err := os.WriteFile(cfg, []byte("only: [KS016]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := fixScanJSON(t, "--config", cfg, file)
	if n, fixable := ofRule(res.Findings, "KS016"); n != 1 || fixable != 0 {
		t.Errorf("KS016: %d findings, %d with a fix; want 1 without", n, fixable)
	}
	shiplint(t, "", "scan", "--fix", "--config", cfg, file)
	if b, _ := os.ReadFile(file); string(b) != src {
		t.Errorf("--fix changed the file:\n%s", b)
	}
}

// TestFixOverlappingInOneRun: four rules each add a key to the same
// missing securityContext; their edits touch, so one pass applies one and
// the others wait for a re-scan of the fixed text. One --fix applies all
// four, and a second changes nothing.
func TestFixOverlappingInOneRun(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "pod.yaml")
	src := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app # the app\n      image: example/app:1.0\n"
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	o := shiplint(t, "", "scan", "--fix", "-q", file)
	if o.code != exitFindings {
		t.Fatalf("exit %d: %s", o.code, o.stderr)
	}
	if o.stderr != "" {
		t.Errorf("stderr %q", o.stderr)
	}
	want := src + "      securityContext:\n        runAsNonRoot: true\n        allowPrivilegeEscalation: false\n" +
		"        seccompProfile:\n          type: RuntimeDefault\n        capabilities:\n          drop:\n            - ALL\n"
	if got := readTree(t, dir)["pod.yaml"]; got != want {
		t.Errorf("after --fix:\n%s\nwant:\n%s", got, want)
	}
	o = shiplint(t, "", "scan", "--fix", file)
	if !strings.Contains(o.stderr, "shiplint: fixed 0 finding(s) in 0 file(s)") {
		t.Errorf("second --fix: %q", o.stderr)
	}
	if got := readTree(t, dir)["pod.yaml"]; got != want {
		t.Errorf("second --fix changed the file:\n%s", got)
	}
}
