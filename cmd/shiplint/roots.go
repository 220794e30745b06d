package main

import (
	"os"
	"path/filepath"
)

// roots are the working directory and the repository root holding it (the
// nearest directory at or above it with .git, or the working directory
// itself), as absolute slash paths: SARIF writes a location under the
// repository root relative to it, as GitHub code scanning expects whatever
// directory shiplint ran in, and any other as an absolute file:// URI.
// Both are "" when the working directory is unknown.
func roots() (work, repo string) {
	wd, err := os.Getwd()
	if err != nil {
		return "", ""
	}
	repo = wd
	for d := wd; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			repo = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return filepath.ToSlash(wd), filepath.ToSlash(repo)
}
