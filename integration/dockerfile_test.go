package integration

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"
)

// TestDockerfileDogfood holds shiplint's own images to its own rules: for
// every Dockerfile at the repository root (./Dockerfile, which builds from
// source, and Dockerfile.release, which GoReleaser fills with the binaries
// it built), `shiplint scan` exits 0 with no findings at all (not even
// suppressed ones, and not even info), every base image is pinned by digest,
// and the final stage is distroless, non-root, with shiplint as entrypoint,
// on the same base digest in both. ./Dockerfile also keeps the properties of
// a source build: multi-stage, a static -trimpath build, a builder on the Go
// version go.mod names.
func TestDockerfileDogfood(t *testing.T) {
	root := repoRoot(t)
	var names []string
	for _, pattern := range []string{"Dockerfile", "Dockerfile.*", "*.Dockerfile", "*.dockerfile", "Containerfile*"} {
		m, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			names = append(names, filepath.Base(p))
		}
	}
	// The release configuration's image recipe is one of them.
	for _, want := range []string{"Dockerfile", releaseDockerfile(t, root)} {
		if !contains(names, want) {
			t.Fatalf("%s not found at the repository root (found %v)", want, names)
		}
	}

	finalBases := map[string]string{}
	for _, name := range names {
		finalBases[name] = checkDogfoodDockerfile(t, root, name)
	}
	for name, base := range finalBases {
		if base != finalBases["Dockerfile"] {
			t.Errorf("%s's final stage is %s, ./Dockerfile's %s: move both to the same digest", name, base, finalBases["Dockerfile"])
		}
	}

	data, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	df := string(data)
	froms := fromLines(df)
	if len(froms) < 2 {
		t.Errorf("Dockerfile: want a multi-stage build, found %d FROM lines", len(froms))
	}
	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^go (\S+)`).FindSubmatch(goMod); m == nil || len(froms) == 0 || !strings.HasPrefix(froms[0], "golang:"+string(m[1])+"-") {
		t.Errorf("Dockerfile: builder %v does not match go.mod's go version", froms)
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "./cmd/shiplint"} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}

	// The build context must keep what `go build ./cmd/shiplint` reads.
	ignore, err := os.ReadFile(filepath.Join(root, ".dockerignore"))
	if err != nil {
		t.Fatalf(".dockerignore: %v", err)
	}
	var patterns []string
	for _, line := range strings.Split(string(ignore), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			patterns = append(patterns, line)
		}
	}
	if !contains(patterns, ".git") {
		t.Error(".dockerignore does not exclude .git")
	}
	for _, need := range []string{"go.mod", "go.sum", "cmd", "cmd/shiplint/main.go", "checks", "internal", "rules", "rules/embed.go", "rules/dockerfile/root_user.rego"} {
		for _, p := range patterns {
			if strings.HasPrefix(p, "!") {
				continue
			}
			for _, cand := range []string{p, strings.TrimPrefix(p, "**/")} {
				if ok, _ := path.Match(cand, need); ok || cand == "*" || cand == "**" {
					t.Errorf(".dockerignore pattern %q drops %s from the build context", p, need)
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkDogfoodDockerfile scans root/name with shiplint and checks the
// properties every shiplint image keeps; it returns the final base image.
func checkDogfoodDockerfile(t *testing.T, root, name string) string {
	t.Helper()
	r := run(t, root, nil, 2*time.Minute, shiplint(t), "scan", "--fail-on", "info", "--format", "json", name)
	if r.code != 0 {
		t.Errorf("shiplint scan %s: exit %d, want 0\n%s", name, r.code, r.combined())
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%s: JSON report: %v\n%s", name, err, r.stdout)
	}
	for _, f := range rep.Findings {
		t.Errorf("finding in %s: %s (%s) suppressed=%s", name, f.RuleID, f.Severity, f.Suppressed)
	}
	data, err := os.ReadFile(filepath.Join(root, name))
	if err != nil {
		t.Fatal(err)
	}
	df := string(data)
	froms := fromLines(df)
	if len(froms) == 0 {
		t.Errorf("%s has no FROM line", name)
		return ""
	}
	for _, from := range froms {
		if !regexp.MustCompile(`@sha256:[0-9a-f]{64}$`).MatchString(from) {
			t.Errorf("%s: base image %s is not pinned by digest", name, from)
		}
	}
	final := froms[len(froms)-1]
	if !strings.HasPrefix(final, "gcr.io/distroless/static-debian12:nonroot@") {
		t.Errorf("%s: final stage is %s, want gcr.io/distroless/static-debian12:nonroot", name, final)
	}
	for _, want := range []string{"USER 65532:65532", `ENTRYPOINT ["/shiplint"]`} {
		if !strings.Contains(df, want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
	return final
}

// fromLines returns the image of every FROM line, in order.
func fromLines(dockerfile string) []string {
	var images []string
	for _, m := range regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllStringSubmatch(dockerfile, -1) {
		images = append(images, m[1])
	}
	return images
}

// releaseDockerfile is the dockerfile .goreleaser.yaml's image is built from.
func releaseDockerfile(t *testing.T, root string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		DockersV2 []struct {
			Dockerfile string `yaml:"dockerfile"`
		} `yaml:"dockers_v2"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	if len(cfg.DockersV2) != 1 || cfg.DockersV2[0].Dockerfile == "" {
		t.Fatalf(".goreleaser.yaml: want one dockers_v2 entry with a dockerfile, got %+v", cfg.DockersV2)
	}
	return cfg.DockersV2[0].Dockerfile
}
