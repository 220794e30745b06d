// Package testcorpus finds the shared corpus of real-world files that the
// benchmarks and corpus tests read: $SHIPLINT_BENCH_CORPUS, or shared/corpus
// beside the repository. It is not part of the repository (see
// docs/performance.md); callers skip when it is absent, as in CI.
package testcorpus

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Dir returns the corpus directory and whether it is there.
func Dir() (string, bool) {
	dir := os.Getenv("SHIPLINT_BENCH_CORPUS")
	if dir == "" {
		dir = filepath.Join(repoRoot(), "..", "shared", "corpus")
	}
	_, err := os.Stat(dir)
	return dir, err == nil
}

// Files lists the paths of the corpus files of the given types
// ("dockerfile", "compose", "kubernetes") from its MANIFEST.tsv; ok is false
// when the corpus is absent.
func Files(types ...string) (paths []string, ok bool) {
	dir, ok := Dir()
	if !ok {
		return nil, false
	}
	rel, err := Entries(dir, types...)
	if err != nil {
		return nil, false
	}
	for _, r := range rel {
		paths = append(paths, filepath.Join(dir, filepath.FromSlash(r)))
	}
	return paths, true
}

// Entries lists the entries of a corpus laid out like shared/corpus or
// shared/render-corpus whose kind (the MANIFEST.tsv column after repo,
// commit and path) is one of kinds, as slash paths relative to dir:
// <owner>__<repo>/<path>.
func Entries(dir string, kinds ...string) ([]string, error) {
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		c := strings.Split(s.Text(), "\t") // repo, commit, path, kind[, bytes]
		if len(c) >= 4 && slices.Contains(kinds, c[3]) {
			out = append(out, strings.ReplaceAll(c[0], "/", "__")+"/"+c[2])
		}
	}
	return out, s.Err()
}

// repoRoot is the nearest directory holding go.mod, from the working
// directory up (a test runs in its package's directory).
func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}
