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
)

// TestDockerfileDogfood holds shiplint's own image to its own rules: `shiplint
// scan Dockerfile` exits 0 with no findings at all (not even suppressed ones,
// and not even info), and the Dockerfile keeps the properties the project
// promises: multi-stage, every base image pinned by digest, a static
// -trimpath build, a distroless non-root final stage, and a builder on the
// Go version go.mod names.
func TestDockerfileDogfood(t *testing.T) {
	root := repoRoot(t)
	r := run(t, root, nil, 2*time.Minute, shiplint(t), "scan", "--fail-on", "info", "--format", "json", "Dockerfile")
	if r.code != 0 {
		t.Errorf("shiplint scan Dockerfile: exit %d, want 0\n%s", r.code, r.combined())
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("JSON report: %v\n%s", err, r.stdout)
	}
	for _, f := range rep.Findings {
		t.Errorf("finding in Dockerfile: %s (%s) suppressed=%s", f.RuleID, f.Severity, f.Suppressed)
	}

	data, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	df := string(data)
	froms := regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllStringSubmatch(df, -1)
	if len(froms) < 2 {
		t.Errorf("want a multi-stage build, found %d FROM lines", len(froms))
	}
	for _, m := range froms {
		if !regexp.MustCompile(`@sha256:[0-9a-f]{64}$`).MatchString(m[1]) {
			t.Errorf("base image %s is not pinned by digest", m[1])
		}
	}
	if len(froms) > 0 && !strings.HasPrefix(froms[len(froms)-1][1], "gcr.io/distroless/static-debian12:nonroot@") {
		t.Errorf("final stage is %s, want gcr.io/distroless/static-debian12:nonroot", froms[len(froms)-1][1])
	}
	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^go (\S+)`).FindSubmatch(goMod); m == nil || !strings.HasPrefix(froms[0][1], "golang:"+string(m[1])+"-") {
		t.Errorf("builder %s does not match go.mod's go version", froms[0][1])
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "USER 65532:65532", `ENTRYPOINT ["/shiplint"]`, "./cmd/shiplint"} {
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
