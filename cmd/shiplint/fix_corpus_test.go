package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/testcorpus"
)

// TestFixCorpus runs scan --fix over a copy of the shared corpus (skipped
// when it is absent): it changes files only where a finding had a fix,
// every changed file still parses, the re-scan no longer reports the fixed
// findings and reports nothing new in the changed files, and a second
// --fix changes nothing.
func TestFixCorpus(t *testing.T) {
	src, ok := testcorpus.Dir()
	if !ok || testing.Short() {
		t.Skip("no shared corpus at " + src)
	}
	work := filepath.Join(t.TempDir(), "corpus")
	copyTree(t, src, work)
	cfg := filepath.Join(t.TempDir(), "all.yaml")
	if err := os.WriteFile(cfg, []byte("fail-on: critical\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := fixScanJSON(t, "--config", cfg, work)
	orig := readAll(t, work)
	o := shiplint(t, "", "scan", "--fix", "--config", cfg, work)
	if o.code == exitError {
		t.Fatalf("--fix: exit %d: %s", o.code, o.stderr)
	}
	fixed := readAll(t, work)
	after := fixScanJSON(t, "--config", cfg, work)

	type key struct{ path, rule string }
	count := func(fs []finding.Finding) (all, withFix map[key]int) {
		all, withFix = map[key]int{}, map[key]int{}
		for _, f := range fs {
			if f.Suppressed != nil {
				continue
			}
			all[key{f.Path, f.RuleID}]++
			if f.Fix != nil {
				withFix[key{f.Path, f.RuleID}]++
			}
		}
		return all, withFix
	}
	nBefore, fixable := count(before.Findings)
	nAfter, _ := count(after.Findings)
	hadFix := map[string]bool{}
	total := 0
	for k, n := range fixable {
		hadFix[k.path] = true
		total += n
	}
	changed := map[string]bool{}
	for name, text := range fixed {
		if text != orig[name] {
			changed[name] = true
			if !hadFix[name] {
				t.Errorf("%s changed, but no finding in it had a fix", name)
			}
		}
	}
	if len(changed) == 0 || total == 0 {
		t.Fatalf("--fix changed %d files for %d findings with a fix", len(changed), total)
	}
	for k, n := range fixable {
		if left := nAfter[k]; left > nBefore[k]-n {
			t.Errorf("%s: %d %s findings after --fix, want at most %d (%d of %d had a fix)", k.path, left, k.rule, nBefore[k]-n, n, nBefore[k])
		}
	}
	for k, n := range nAfter {
		if changed[k.path] && n > nBefore[k] {
			t.Errorf("%s: --fix brought %d new %s finding(s)", k.path, n-nBefore[k], k.rule)
		}
	}
	broken := func(r finding.Result) map[string]bool {
		m := map[string]bool{}
		for _, n := range r.Notifications {
			if n.Level == "error" {
				m[n.Path] = true
			}
		}
		return m
	}
	wasBroken := broken(before)
	for p := range broken(after) {
		if !wasBroken[p] {
			t.Errorf("%s: an error after --fix that was not there before", p)
		}
	}
	o = shiplint(t, "", "scan", "--fix", "--config", cfg, work)
	if o.code == exitError {
		t.Fatalf("second --fix: exit %d: %s", o.code, o.stderr)
	}
	var again []string
	for name, text := range readAll(t, work) {
		if text != fixed[name] {
			again = append(again, name)
		}
	}
	sort.Strings(again)
	if len(again) > 0 {
		t.Errorf("second --fix changed %d files, first %s", len(again), again[0])
	}
	t.Logf("--fix changed %d files for %d findings with a fix", len(changed), total)
}

// readAll maps each file under dir, by the path a scan of dir reports, to
// its text.
func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(p)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
