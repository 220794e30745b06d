package config

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/shiplint/shiplint/internal/finding"
)

const example = `# .shiplint.yaml
fail-on: medium
policies: [policy/]
frameworks: [pss-restricted]
exclude:
  - "examples/**"
  - vendor
disable: [DF002]
severity:
  DF001: critical
params:
  DF030:
    registries: [registry.example.com]
max-file-size: 1048576
`

func TestParseEveryKey(t *testing.T) {
	c, err := Parse(".shiplint.yaml", []byte(example))
	if err != nil {
		t.Fatal(err)
	}
	if *c.FailOn != finding.Medium || !reflect.DeepEqual(c.Policies, []string{"policy/"}) ||
		!reflect.DeepEqual(c.Frameworks, []string{"pss-restricted"}) || !reflect.DeepEqual(c.Disable, []string{"DF002"}) ||
		c.Severity["DF001"] != finding.Critical || c.MaxFileSize != 1048576 ||
		!reflect.DeepEqual(c.Params["DF030"]["registries"], []any{"registry.example.com"}) {
		t.Errorf("parsed %+v", c)
	}
	for path, want := range map[string]bool{"examples/a/Dockerfile": true, "vendor/x/compose.yaml": true, "src/Dockerfile": false, "vendored/x.yaml": false} {
		if c.Excluded(path) != want {
			t.Errorf("Excluded(%q) = %v", path, !want)
		}
	}
}

func TestErrorsHaveLines(t *testing.T) {
	cases := []struct{ src, want string }{
		{"fail-on: high\nignore: [DF001]\n", `.shiplint.yaml:2: unknown key "ignore" (known keys: fail-on, policies, frameworks, exclude, disable, only, severity, params, max-file-size, helm)`},
		{"fail-on: severe\n", `.shiplint.yaml:1: unknown severity "severe" (want critical, high, medium, low or info)`},
		{"disable: DF001\n", ".shiplint.yaml:1: disable must be a list"},
		{"severity:\n  DF001: big\n", `.shiplint.yaml:2: unknown severity "big" (want critical, high, medium, low or info)`},
		{"exclude: ['[']\n", `.shiplint.yaml:1: exclude pattern "[" is not a valid glob`},
		{"disable: [DF001]\ndisable: [DF002]\n", `.shiplint.yaml:2: duplicate key "disable" (first at line 1)`},
		{"- a\n", ".shiplint.yaml:1: the config must be a mapping of keys (see docs/configuration.md)"},
	}
	for _, c := range cases {
		_, err := Parse(".shiplint.yaml", []byte(c.src))
		if err == nil || err.Error() != c.want {
			t.Errorf("Parse(%q) error = %v\nwant %s", c.src, err, c.want)
		}
	}
}

func TestUnknownRuleIDLine(t *testing.T) {
	c, err := Parse(".shiplint.yaml", []byte("disable:\n  - DF001\n  - DF999\nseverity:\n  XX1: low\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = c.CheckRuleIDs(func(id string) bool { return id == "DF001" })
	if err == nil || err.Error() != `.shiplint.yaml:3: disable: unknown rule ID "DF999" (shiplint rules lists them)` {
		t.Errorf("error = %v", err)
	}
}

func TestFindStopsAtRepoRoot(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "a", "b")
	os.MkdirAll(deep, 0o755)
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	os.WriteFile(filepath.Join(root, FileName), []byte("fail-on: high\n"), 0o644) // outside the repo
	if p, _, _ := Find(deep); p != "" {
		t.Errorf("found %s outside the repository", p)
	}
	os.WriteFile(filepath.Join(repo, "a", FileName), []byte("fail-on: high\n"), 0o644)
	if p, b, _ := Find(deep); p != filepath.Join(repo, "a", FileName) || b != repo {
		t.Errorf("Find = %q, %q", p, b)
	}
}

// Exclude globs (and --skip-path's, AddExclude) match the path as shown or
// relative to the scan root it is under.
func TestExcludedRelativeToRoots(t *testing.T) {
	c := &Config{Roots: []string{"deploy/", "./ci", "one/Dockerfile", "."}}
	if err := c.AddExclude("--skip-path", []string{"k8s/**", "*.yml", "Dockerfile", "vendor"}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"deploy/k8s/a.yaml":    true,  // k8s/** under the root deploy/
		"k8s/a.yaml":           true,  // shown path, root .
		"other/k8s/a.yaml":     false, // not under a root where k8s/ starts
		"ci/x.yml":             true,  // *.yml under ./ci
		"ci/sub/x.yml":         false, // * stays within one directory
		"one/Dockerfile":       true,  // a file root: its name
		"two/Dockerfile":       false,
		"deploy/vendor/a.yaml": true, // a directory name excludes what is under it
		"deployment/k8s/a.yml": false,
	} {
		if got := c.Excluded(path); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", path, got, want)
		}
	}
	if err := c.AddExclude("--skip-path", []string{"ok/**", "["}); err == nil || err.Error() != `--skip-path "[" is not a valid glob (doublestar syntax: *, **, ?, [a-z], {a,b})` {
		t.Errorf("bad glob: %v", err)
	}
}
