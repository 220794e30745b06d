package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/fixapply"
	"github.com/shiplint/shiplint/internal/safetext"
)

// fixMode is what --fix does: nothing, write the files, or print a diff.
type fixMode int

const (
	fixNone fixMode = iota
	fixWrite
	fixDiff
)

// readHashes are the hashes of the files as the scan read them, so a file
// changed on disk since is left alone.
type readHashes map[string][sha256.Size]byte

// maxFixPasses bounds the passes over one file. Two fixes that edit the
// same place (two keys added to one missing securityContext) cannot be
// applied together: the second waits for a re-scan of the fixed text,
// which gives it fresh positions. ESLint's --fix makes up to 10 passes too.
const maxFixPasses = 10

// rescanner re-scans a file's fixed text, in memory, for the next pass.
type rescanner struct {
	ctx   context.Context
	pack  *checks.Pack
	files map[string]checks.File // by display path, as the scan read them
	keep  func([]finding.Finding) []finding.Finding
}

// fixable reports whether --fix applies fd's fix: a finding on a file
// itself (not through a chart's or overlay's chain), not suppressed.
func fixable(fd finding.Finding) bool {
	return fd.Fix != nil && fd.Suppressed == nil && len(fd.Related) == 0
}

// applyFixes applies the fixes of res's reported findings to the files
// they are in (or prints the diff), and returns the findings that remain:
// those without a fix, or whose fix was not applied.
func applyFixes(stdout, stderr io.Writer, f scanFlags, res finding.Result, hashes readHashes, rs rescanner) []finding.Finding {
	byPath := map[string][]int{}
	var order []string
	for i, fd := range res.Findings {
		if !fixable(fd) {
			continue
		}
		if _, ok := byPath[fd.Path]; !ok {
			order = append(order, fd.Path)
		}
		byPath[fd.Path] = append(byPath[fd.Path], i)
	}
	slices.Sort(order)
	fixed := map[int]bool{}
	files, total, skipped := 0, 0, 0
	for _, path := range order {
		idx := byPath[path]
		rt, rel, err := rootOf(f.paths, path)
		if err != nil {
			fmt.Fprintf(stderr, "shiplint: --fix: %s: %s; not fixed\n", safetext.Escape(path), safetext.Escape(err.Error()))
			continue
		}
		src, _, err := rt.ReadFile(rel)
		if err != nil {
			rt.Close()
			fmt.Fprintf(stderr, "shiplint: --fix: %s; not fixed\n", safetext.Escape(err.Error()))
			continue
		}
		if h, ok := hashes[path]; !ok || h != sha256.Sum256(src) {
			rt.Close()
			fmt.Fprintf(stderr, "shiplint: --fix: %s changed on disk since it was read; not fixed\n", safetext.Escape(path))
			continue
		}
		out := rs.fixFile(path, src, res.Findings, idx, fixed)
		skipped += out.Skipped
		if out.Skipped > 0 {
			fmt.Fprintf(stderr, "shiplint: --fix: %s: %d fix(es) still overlap another after %d passes and were left out\n", safetext.Escape(path), out.Skipped, maxFixPasses)
		}
		if out.Applied == 0 || string(out.Text) == string(src) {
			rt.Close()
			continue
		}
		files++
		total += out.Applied
		if f.fix == fixDiff {
			writeDiff(stdout, path, string(src), string(out.Text))
		} else if err := rt.WriteExisting(rel, out.Text); err != nil {
			fmt.Fprintf(stderr, "shiplint: --fix: %s; not fixed\n", safetext.Escape(err.Error()))
			for _, i := range idx {
				delete(fixed, i)
			}
			files--
			total -= out.Applied
		}
		rt.Close()
	}
	verb := "fixed"
	if f.fix == fixDiff {
		verb = "would fix"
	}
	if !f.quiet {
		fmt.Fprintf(stderr, "shiplint: %s %d finding(s) in %d file(s)\n", verb, total, files)
	}
	var left []finding.Finding
	for i, fd := range res.Findings {
		if !fixed[i] {
			left = append(left, fd)
		}
	}
	return left
}

// fixFile applies the fixes of findings[idx] (all in path) to src, then,
// while some overlapped, re-scans the result and applies the fixes of the
// rules that waited, up to maxFixPasses. fixed gets the indices of the
// findings removed; Applied and Skipped in the result count all passes.
func (rs rescanner) fixFile(path string, src []byte, findings []finding.Finding, idx []int, fixed map[int]bool) fixapply.Result {
	fixes := make([]*finding.Fix, len(idx))
	for j, i := range idx {
		fixes[j] = findings[i].Fix
	}
	out := fixapply.Apply(src, fixes)
	waiting := map[string][]int{} // rule -> its findings not yet fixed
	for j, i := range idx {
		if out.Done[j] {
			fixed[i] = true
		} else {
			waiting[findings[i].RuleID] = append(waiting[findings[i].RuleID], i)
		}
	}
	total := fixapply.Result{Text: out.Text, Applied: out.Applied, Skipped: out.Skipped}
	file, ok := rs.files[path]
	for pass := 1; pass < maxFixPasses && total.Skipped > 0 && ok && rs.pack != nil; pass++ {
		file.Source = total.Text
		again := rs.pack.ScanFile(rs.ctx, file, checks.ScanOptions{})
		// Only the rules whose fixes waited, and no more findings of each
		// than waited: a re-scan of one file alone must not bring fixes
		// for findings the whole scan did not report.
		kept := rs.keep(again.Findings)
		budget := map[string]int{}
		for rule, w := range waiting {
			budget[rule] = len(w)
		}
		reported := map[string]int{}
		var next []*finding.Fix
		var rules []string
		for _, fd := range kept {
			if fd.Suppressed == nil {
				reported[fd.RuleID]++
			}
			if fixable(fd) && budget[fd.RuleID] > 0 {
				budget[fd.RuleID]--
				next = append(next, fd.Fix)
				rules = append(rules, fd.RuleID)
			}
		}
		// Findings another fix removed (two rules that each add the same
		// setting) are gone, not waiting.
		for rule, w := range waiting {
			if gone := len(w) - reported[rule]; gone > 0 {
				for _, i := range w[:gone] {
					fixed[i] = true
				}
				waiting[rule] = w[gone:]
			}
		}
		if len(next) == 0 {
			total.Skipped = 0 // what still waits has no fix the engine can place
			break
		}
		out := fixapply.Apply(total.Text, next)
		for j, rule := range rules {
			if out.Done[j] && len(waiting[rule]) > 0 {
				fixed[waiting[rule][0]] = true
				waiting[rule] = waiting[rule][1:]
			}
		}
		total.Text, total.Applied, total.Skipped = out.Text, total.Applied+out.Applied, out.Skipped
	}
	return total
}

func writeDiff(w io.Writer, path, old, new string) {
	label := strings.TrimPrefix(path, "/")
	d := udiff.Unified("a/"+label, "b/"+label, old, new)
	for _, line := range strings.SplitAfter(d, "\n") {
		if line == "" {
			continue
		}
		body := strings.TrimSuffix(line, "\n")
		fmt.Fprintln(w, safetext.Line(body))
	}
}

// rootOf finds the scan root path lies under and opens it: a directory
// root, or the directory of a file root (then only that file).
func rootOf(roots []string, path string) (*confine.Root, string, error) {
	abs, err := filepath.Abs(filepath.FromSlash(path))
	if err != nil {
		return nil, "", err
	}
	reader := confine.NewReader(confine.Limits{})
	for _, r := range roots {
		if r == "-" {
			continue
		}
		rabs, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		info, err := os.Stat(rabs)
		if err != nil {
			continue
		}
		dir := rabs
		if !info.IsDir() {
			if rabs != abs {
				continue
			}
			dir = filepath.Dir(rabs)
		}
		rel, err := filepath.Rel(dir, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			continue
		}
		rt, err := reader.OpenRoot(dir)
		if err != nil {
			return nil, "", err
		}
		return rt, rel, nil
	}
	return nil, "", fmt.Errorf("not inside a scan root")
}
