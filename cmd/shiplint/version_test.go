package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	vcs := func(rev, tm, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "-trimpath", Value: "true"},
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: tm},
			{Key: "vcs.modified", Value: modified},
		}
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	for _, tc := range []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  string
	}{
		{name: "release stamps", version: "1.2.3", commit: rev, date: "2026-12-05T04:00:00Z",
			want: "1.2.3 (commit 0123456, committed 2026-12-05T04:00:00Z)"},
		{name: "stamps win over build info", version: "1.2.3", commit: rev, date: "2026-12-05T04:00:00Z",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "v9.9.9"}, Settings: vcs("fedcba9876543210", "2020-01-01T00:00:00Z", "true")},
			want: "1.2.3 (commit 0123456, committed 2026-12-05T04:00:00Z)"},
		{name: "go install module@version", bi: &debug.BuildInfo{Main: debug.Module{Path: "github.com/shiplint/shiplint", Version: "v1.4.0"}},
			want: "v1.4.0"},
		{name: "go build in a dirty checkout", bi: &debug.BuildInfo{Main: debug.Module{Version: "v1.4.1-0.20261205040000-0123456789ab+dirty"}, Settings: vcs(rev, "2026-12-05T04:00:00Z", "true")},
			want: "v1.4.1-0.20261205040000-0123456789ab+dirty (commit 0123456, modified, committed 2026-12-05T04:00:00Z)"},
		{name: "make build: version stamped, vcs from build info", version: "v1.4.0-3-g0123456", bi: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "2026-12-05T04:00:00Z", "false")},
			want: "v1.4.0-3-g0123456 (commit 0123456, committed 2026-12-05T04:00:00Z)"},
		{name: "devel without vcs", bi: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			want: "dev"},
		{name: "no build info", want: "dev"},
		{name: "short commit kept whole", commit: "abc12", want: "dev (commit abc12)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stampFrom(tc.version, tc.commit, tc.date, tc.bi).String(); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
