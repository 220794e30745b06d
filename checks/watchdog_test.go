package checks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/regosandbox"
)

// A user rule that builds values without a built-in (a comprehension of
// pairs) is stopped by the heap watchdog: the engine names it in one
// notification and keeps the built-in rules' findings.
func TestRuleStoppedForMemoryFailsAlone(t *testing.T) {
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	limit := (live[0].Value.Uint64() + 64<<20) &^ (1<<20 - 1)
	defer regosandbox.SetHeapLimit(limit)()

	dir := t.TempDir()
	src := "# METADATA\n# title: grows\n# custom:\n#   id: ORG001\n#   severity: high\npackage shiplint.dockerfile.grows\n\n" +
		"deny contains \"never\" if {\n\tr := numbers.range(1, 5000)\n\tcount([[i, j] | some i in r; some j in r]) < 0\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "x.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	pack, err := Load(context.Background(), Options{Policies: []string{dir}, Kinds: []document.Kind{document.Dockerfile}})
	if err != nil {
		t.Fatal(err)
	}
	res := pack.ScanFile(context.Background(), File{Path: "Dockerfile", Kind: document.Dockerfile, Source: []byte("FROM debian:latest\nUSER root\n")}, ScanOptions{})
	file := filepath.ToSlash(filepath.Join(dir, "x.rego"))
	want := fmt.Sprintf("Dockerfile: rule ORG001 (%s) was stopped: shiplint's live memory passed %d MiB while the rule ran (it builds values without bound); its findings are missing", file, limit>>20)
	if len(res.Notifications) != 1 || res.Notifications[0].Message != want {
		t.Errorf("notifications = %+v\nwant %s", res.Notifications, want)
	}
	var ids []string
	for _, f := range res.Findings {
		ids = append(ids, fmt.Sprintf("%s:%d", f.RuleID, f.Range.StartLine))
	}
	if !slices.Equal(ids, []string{"DF002:1", "DF001:2"}) {
		t.Errorf("findings = %v, want the built-in ones", ids)
	}
}
