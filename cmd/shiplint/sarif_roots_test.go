package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sarifLocations lists every artifactLocation of a SARIF log (results,
// related locations, fixes, notifications) as "uriBaseId uri", and the
// run's originalUriBaseIds.
func sarifLocations(t *testing.T, log string) (locs []string, bases map[string]string) {
	t.Helper()
	var doc any
	if err := json.Unmarshal([]byte(log), &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				if k == "artifactLocation" {
					a := c.(map[string]any)
					base, _ := a["uriBaseId"].(string)
					locs = append(locs, base+" "+a["uri"].(string))
				}
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(doc)
	bases = map[string]string{}
	run := doc.(map[string]any)["runs"].([]any)[0].(map[string]any)
	if m, ok := run["originalUriBaseIds"].(map[string]any); ok {
		for k, v := range m {
			bases[k] = v.(map[string]any)["uri"].(string)
		}
	}
	slices.Sort(locs)
	return slices.Compact(locs), bases
}

// A scan root outside the working directory (a copy of testdata's
// examples, charts and overlays (related locations) and parse errors in a
// temporary directory, scanned from the repository root) gives absolute
// file:// URIs without a uriBaseId: a uri combined with %SRCROOT% must be
// relative, and the validator rejected every location with a leading slash.
func TestSARIFOutsideWorkDir(t *testing.T) {
	dir := t.TempDir()
	copied := filepath.Join(dir, "test data") // a space, escaped in the URI
	for _, sub := range []string{"examples", "render", "parse"} {
		if err := os.CopyFS(filepath.Join(copied, sub), os.DirFS(filepath.Join("testdata", sub))); err != nil {
			t.Fatal(err)
		}
	}
	sarifPath := filepath.Join(dir, "out.sarif")
	o := shiplint(t, "", "scan", "--format", "sarif="+sarifPath, "-q", copied)
	if o.code != 1 {
		t.Fatalf("exit %d: %s", o.code, o.stderr)
	}
	b, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	locs, bases := sarifLocations(t, string(b))
	prefix := " file://" + strings.ReplaceAll(filepath.ToSlash(copied), " ", "%20") + "/"
	if len(locs) < 20 {
		t.Fatalf("only %d distinct locations", len(locs))
	}
	for _, l := range locs {
		if !strings.HasPrefix(l, prefix) {
			t.Fatalf("location %q, want an absolute file URI under %q and no uriBaseId", l, prefix)
		}
	}
	if len(bases) != 0 {
		t.Errorf("originalUriBaseIds %v, want none (no location is relative)", bases)
	}
	if !slices.Contains(locs, prefix+"examples/Dockerfile") {
		t.Errorf("no location for examples/Dockerfile among %d", len(locs))
	}
	tool, err := multitool()
	if err != nil {
		t.Skipf("SARIF validator not installed (%v); the URIs were checked without it", err)
	}
	validateSARIF(t, tool, sarifPath)
}

// Inside the repository, locations are relative to its root under
// %SRCROOT%, which originalUriBaseIds defines as the root's file URI with a
// trailing slash, whatever directory the paths were given from.
func TestSARIFRelativeToRepositoryRoot(t *testing.T) {
	o := shiplint(t, "", "scan", "-f", "sarif", "--fail-on", "critical", "testdata/examples/Dockerfile", "./testdata/examples/../examples/k8s")
	if o.code != 1 {
		t.Fatalf("exit %d: %s", o.code, o.stderr)
	}
	locs, bases := sarifLocations(t, o.stdout)
	want := []string{"%SRCROOT% testdata/examples/Dockerfile", "%SRCROOT% testdata/examples/k8s/deployment.yaml"}
	if !slices.Equal(locs, want) {
		t.Errorf("locations %q, want %q", locs, want)
	}
	_, repo := roots()
	if got := bases["%SRCROOT%"]; got != "file://"+repo+"/" || len(bases) != 1 {
		t.Errorf("originalUriBaseIds %v, want %%SRCROOT%% = file://%s/", bases, repo)
	}
	// An absolute path inside the repository is relative too.
	abs, _ := filepath.Abs("testdata/examples/Dockerfile")
	o = shiplint(t, "", "scan", "-f", "sarif", abs)
	if locs, _ := sarifLocations(t, o.stdout); !slices.Equal(locs, want[:1]) {
		t.Errorf("absolute path inside the repository: locations %q, want %q", locs, want[:1])
	}
}
