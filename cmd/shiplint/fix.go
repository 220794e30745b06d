package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"

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

// applyFixes applies the fixes of res's reported findings to the files
// they are in (or prints the diff), and returns the findings that remain:
// those without a fix, or whose fix was not applied.
func applyFixes(stdout, stderr io.Writer, f scanFlags, res finding.Result, hashes readHashes) []finding.Finding {
	byPath := map[string][]int{}
	var order []string
	for i, fd := range res.Findings {
		if fd.Fix == nil || fd.Suppressed != nil || len(fd.Related) > 0 {
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
		fixes := make([]*finding.Fix, len(idx))
		for j, i := range idx {
			fixes[j] = res.Findings[i].Fix
		}
		out := fixapply.Apply(src, fixes)
		for j, i := range idx {
			if out.Done[j] {
				fixed[i] = true
			}
		}
		skipped += out.Skipped
		if out.Skipped > 0 {
			fmt.Fprintf(stderr, "shiplint: --fix: %s: %d fix(es) overlap another and were left out; run --fix again to apply them\n", safetext.Escape(path), out.Skipped)
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
