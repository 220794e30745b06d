package integration

import (
	"archive/zip"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestVSCodeExtension builds the VS Code extension as CI does: it runs
// editors/vscode/ci.sh (npm ci, tsc, the extension's node tests, vsce
// package) in a copy of editors/vscode, so the checkout gets no
// node_modules, out or .vsix, and then reads the .vsix it made. The
// extension's end-to-end node test talks to `shiplint lsp` built from this
// checkout (SHIPLINT_BIN), so it must run here, not be skipped.
//
// It needs npm: without it the test is skipped, except when
// SHIPLINT_REQUIRE_CLIENTS=1 (.ci/run sets it), where a missing npm fails.
func TestVSCodeExtension(t *testing.T) {
	required := os.Getenv("SHIPLINT_REQUIRE_CLIENTS") == "1"
	if testing.Short() && !required {
		t.Skip("skipping the VS Code extension build in -short mode (npm ci and vsce package)")
	}
	if _, err := lookTool("npm"); err != nil {
		if required {
			t.Fatalf("SHIPLINT_REQUIRE_CLIENTS=1 but npm is not installed (the VS Code extension is built with npm): %v", err)
		}
		t.Skipf("npm is not installed (needed to build editors/vscode): %v", err)
	}

	src := filepath.Join(repoRoot(t), "editors", "vscode")
	work := t.TempDir()
	copySources(t, src, work)
	env := []string{"SHIPLINT_BIN=" + shiplint(t), "NO_COLOR=1"}
	r := run(t, work, env, 5*time.Minute, "bash", "ci.sh")
	if r.code != 0 {
		t.Fatalf("editors/vscode/ci.sh: exit %d\n%s", r.code, r.combined())
	}
	t.Logf("editors/vscode/ci.sh took %s", r.duration.Round(time.Second))

	// Every node test ran, the end-to-end one against `shiplint lsp` too.
	// The summary lines are "# pass N" (tap reporter) or "ℹ pass N" (spec).
	for _, want := range []string{"pass 17", "fail 0", "skipped 0"} {
		if !regexp.MustCompile(`(?m)^(#|ℹ) ` + want + `$`).MatchString(r.stdout) {
			t.Errorf("node tests: no %q line in ci.sh's output:\n%s", want, r.combined())
		}
	}
	if !strings.Contains(r.stdout, "shiplint.vsix: ") {
		t.Errorf("ci.sh did not report checking the .vsix:\n%s", r.combined())
	}

	zr, err := zip.OpenReader(filepath.Join(work, "shiplint.vsix"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	entries := map[string]*zip.File{}
	var outside []string // entries other than the bundled node_modules
	var packages []string
	pkgJSON := regexp.MustCompile(`^extension/node_modules/((?:@[^/]+/)?[^/]+(?:/node_modules/(?:@[^/]+/)?[^/]+)*)/package\.json$`)
	for _, f := range zr.File {
		entries[f.Name] = f
		if !strings.HasPrefix(f.Name, "extension/node_modules/") {
			outside = append(outside, f.Name)
		} else if m := pkgJSON.FindStringSubmatch(f.Name); m != nil {
			packages = append(packages, m[1])
		}
	}
	slices.Sort(outside)
	slices.Sort(packages)

	// The compiled extension and its manifest, without sources, tests,
	// tsconfig or scripts (.vscodeignore).
	wantOutside := []string{
		"[Content_Types].xml",
		"extension.vsixmanifest",
		"extension/LICENSE.txt",
		"extension/changelog.md",
		"extension/out/config.js",
		"extension/out/extension.js",
		"extension/package.json",
		"extension/readme.md",
	}
	if !slices.Equal(outside, wantOutside) {
		t.Errorf("shiplint.vsix entries outside extension/node_modules:\n got %q\nwant %q", outside, wantOutside)
	}
	// vscode-languageclient and its own dependencies (package-lock.json),
	// none of the build tools (typescript, vsce, @types).
	wantPackages := []string{
		"balanced-match",
		"semver",
		"vscode-jsonrpc",
		"vscode-languageclient",
		"vscode-languageclient/node_modules/brace-expansion",
		"vscode-languageclient/node_modules/minimatch",
		"vscode-languageserver-protocol",
		"vscode-languageserver-types",
	}
	if !slices.Equal(packages, wantPackages) {
		t.Errorf("packages in shiplint.vsix:\n got %q\nwant %q", packages, wantPackages)
	}
	if entries["extension/node_modules/vscode-languageclient/node.js"] == nil {
		t.Error("shiplint.vsix lacks extension/node_modules/vscode-languageclient/node.js (what extension.js requires)")
	}

	// The packaged manifest is the source one: the entry point VS Code
	// loads and the runtime dependency, at the version in the source.
	var source, packaged struct {
		Name         string            `json:"name"`
		Publisher    string            `json:"publisher"`
		Version      string            `json:"version"`
		Main         string            `json:"main"`
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile(filepath.Join(src, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &source); err != nil {
		t.Fatalf("editors/vscode/package.json: %v", err)
	}
	if err := json.Unmarshal(readZipFile(t, entries, "extension/package.json"), &packaged); err != nil {
		t.Fatalf("extension/package.json in shiplint.vsix: %v", err)
	}
	if packaged.Name != "shiplint" || packaged.Publisher != "shiplint" || packaged.Main != "./out/extension.js" ||
		packaged.Version != source.Version || packaged.Dependencies["vscode-languageclient"] != "9.0.1" {
		t.Errorf("extension/package.json in shiplint.vsix: %+v (source version %s)", packaged, source.Version)
	}
	manifest := string(readZipFile(t, entries, "extension.vsixmanifest"))
	if want := `<Identity Language="en-US" Id="shiplint" Version="` + source.Version + `" Publisher="shiplint" />`; !strings.Contains(manifest, want) {
		t.Errorf("extension.vsixmanifest lacks %s:\n%s", want, manifest)
	}
	ext := string(readZipFile(t, entries, "extension/out/extension.js"))
	if !strings.Contains(ext, `require("vscode-languageclient/node")`) {
		t.Errorf("extension/out/extension.js does not load vscode-languageclient/node:\n%s", ext)
	}
}

// copySources copies editors/vscode without what a local build left in it
// (node_modules, out, .vsix files), which ci.sh makes again in the copy.
func copySources(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		switch {
		case d.IsDir() && (rel == "node_modules" || rel == "out"):
			return filepath.SkipDir
		case d.IsDir():
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		case strings.HasSuffix(rel, ".vsix") || !d.Type().IsRegular():
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readZipFile(t *testing.T, entries map[string]*zip.File, name string) []byte {
	t.Helper()
	f := entries[name]
	if f == nil {
		t.Fatalf("shiplint.vsix has no %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		t.Fatalf("%s in shiplint.vsix: %v", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("%s in shiplint.vsix: %v", name, err)
	}
	return data
}
