package main

import (
	"runtime/debug"
	"strings"
)

// buildStamp is what `shiplint version` reports about the binary.
type buildStamp struct {
	version  string // "1.2.3", "v1.2.3" or "dev"
	commit   string // full revision, or empty when unknown
	date     string // the commit's time (RFC 3339), or empty
	modified bool   // built from a work tree with uncommitted changes
}

// currentBuild combines the -X stamps with the build info.
func currentBuild() buildStamp {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return stampFrom(version, commit, date, bi)
}

// stampFrom fills what the linker stamps leave empty from the build info:
// `go install github.com/shiplint/shiplint/cmd/shiplint@v1.2.3` stamps
// nothing but records Main.Version "v1.2.3", and a `go build` in a git
// checkout (with -buildvcs, the default) records vcs.revision, vcs.time and
// vcs.modified. The linker stamps win, because a release build sets them on
// purpose; "(devel)", Go's word for an unversioned main module, is not a
// version, so such a build says "dev".
func stampFrom(version, commit, date string, bi *debug.BuildInfo) buildStamp {
	s := buildStamp{version: version, commit: commit, date: date}
	if bi != nil {
		if s.version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			s.version = bi.Main.Version
		}
		// The vcs settings describe the tree this binary was built from;
		// take them only when no commit was stamped, so a stamped commit
		// never gets another build's time or dirty flag.
		if s.commit == "" {
			for _, kv := range bi.Settings {
				switch kv.Key {
				case "vcs.revision":
					s.commit = kv.Value
				case "vcs.time":
					if s.date == "" {
						s.date = kv.Value
					}
				case "vcs.modified":
					s.modified = kv.Value == "true"
				}
			}
		}
	}
	if s.version == "" {
		s.version = "dev"
	}
	return s
}

// String is the version line after "shiplint ": "1.2.3 (commit abc1234,
// committed 2026-12-05T04:00:00Z)", fewer parts when less is known, and
// "dev" alone when nothing is. The date is the commit's, not the build's:
// the release stamps {{.CommitDate}} so that building the same commit twice
// gives the same binary, and vcs.time is the commit time too. The commit is
// shortened to 7 characters, git's short form; `go version -m` has it whole.
func (s buildStamp) String() string {
	var parts []string
	if s.commit != "" {
		c := s.commit
		if len(c) > 7 {
			c = c[:7]
		}
		if s.modified {
			c += ", modified"
		}
		parts = append(parts, "commit "+c)
	}
	if s.date != "" {
		parts = append(parts, "committed "+s.date)
	}
	if len(parts) == 0 {
		return s.version
	}
	return s.version + " (" + strings.Join(parts, ", ") + ")"
}
