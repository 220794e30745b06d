package checks_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

func policyDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const orgRule = `# METADATA
# title: No alpine
# description: We standardise on debian.
# related_resources:
# - https://example.com/base-images
# custom:
#   id: ORG001
#   severity: low
#   remediation: Use debian.
#   frameworks: {org: base}
#   aliases: [X1, X2]
package shiplint.dockerfile.no_alpine

deny contains {"msg": "alpine base", "path": ["stages", s.index, "from"]} if {
	some s in input.stages
	s.from.image == "alpine"
}
`

func TestMetadataIsRead(t *testing.T) {
	pack, err := checks.Load(context.Background(), checks.Options{Policies: []string{policyDir(t, map[string]string{"r.rego": orgRule})}})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := pack.Rule("ORG001")
	if !ok {
		t.Fatal("ORG001 not loaded")
	}
	if r.Title != "No alpine" || r.Description != "We standardise on debian." || r.Severity != finding.Low ||
		r.Remediation != "Use debian." || r.Kind != document.Dockerfile || r.BuiltIn ||
		strings.Join(r.References, " ") != "https://example.com/base-images" ||
		strings.Join(r.Aliases, " ") != "X1 X2" || r.Frameworks["org"] != "base" || r.Package != "shiplint.dockerfile.no_alpine" {
		t.Errorf("metadata read wrong: %+v", r)
	}
	if b, _ := pack.Rule("DF001"); !b.BuiltIn || b.File != "rules/dockerfile/root_user.rego" {
		t.Errorf("built-in DF001: %+v", b)
	}
}

func TestBadPolicies(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"duplicate id", map[string]string{"r.rego": strings.Replace(orgRule, "ORG001", "DF001", 1)},
			"rule ID DF001 is already used by shiplint.dockerfile.root_user"},
		{"missing severity", map[string]string{"r.rego": strings.Replace(orgRule, "#   severity: low\n", "", 1)},
			"custom.severity of ORG001: unknown severity"},
		{"bad severity", map[string]string{"r.rego": strings.Replace(orgRule, "severity: low", "severity: urgent", 1)},
			`unknown severity "urgent"`},
		{"missing title", map[string]string{"r.rego": strings.Replace(orgRule, "# title: No alpine\n", "", 1)},
			"METADATA of ORG001 has no title"},
		{"syntax", map[string]string{"r.rego": "package shiplint.dockerfile.x\n\ndeny contains 1 if {\n"},
			"r.rego:"},
		{"applies_to outside Kubernetes", map[string]string{"r.rego": strings.Replace(orgRule, "#   severity: low\n", "#   severity: low\n#   applies_to: [workload]\n", 1)},
			"rule ORG001: custom.applies_to is only for Kubernetes rules"},
		{"applies_to not a kind", map[string]string{"r.rego": strings.Replace(strings.Replace(orgRule, "#   severity: low\n", "#   severity: low\n#   applies_to: [pods]\n", 1), "shiplint.dockerfile.", "shiplint.kubernetes.", 1)},
			`custom.applies_to of ORG001: "pods" is not "workload", "control-plane", "namespaced" or a Kubernetes kind`},
		{"network built-in", map[string]string{"r.rego": strings.Replace(orgRule, `s.from.image == "alpine"`, `http.send({"method": "get", "url": "https://example.com"})`, 1)},
			"r.rego:16: rego_type_error: undefined function http.send"},
		// The built-in pack alone is compiled without the check-only stages;
		// a user's policy still gets all of them.
		{"type error", map[string]string{"r.rego": strings.Replace(orgRule, `s.from.image == "alpine"`, `count(s.from.image, 2) == 1`, 1)},
			"r.rego:16: rego_type_error: count: arity mismatch"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := checks.Load(context.Background(), checks.Options{Policies: []string{policyDir(t, c.files)}})
			var pe *checks.PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a PolicyError", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v\nwant it to contain %q", err, c.want)
			}
		})
	}
}

func TestScanFileLocatesAndFingerprints(t *testing.T) {
	pack, err := checks.Load(context.Background(), checks.Options{Select: checks.Selection{Only: []string{"DF001"}}})
	if err != nil {
		t.Fatal(err)
	}
	src := "FROM alpine:3.20\nRUN echo hi\n"
	a := pack.ScanFile(context.Background(), checks.File{Path: "Dockerfile", Kind: document.Dockerfile, Source: []byte(src)}, checks.ScanOptions{})
	moved := pack.ScanFile(context.Background(), checks.File{Path: "Dockerfile", Kind: document.Dockerfile, Source: []byte("# a comment\n\n" + src)}, checks.ScanOptions{})
	if len(a.Findings) != 1 || a.Findings[0].RuleID != "DF001" || a.Findings[0].Range.StartLine != 1 {
		t.Fatalf("findings %+v", a.Findings)
	}
	if moved.Findings[0].Range.StartLine != 3 {
		t.Errorf("moved finding at line %d, want 3", moved.Findings[0].Range.StartLine)
	}
	if a.Findings[0].Fingerprint != moved.Findings[0].Fingerprint {
		t.Error("fingerprint changed when unrelated lines were added above")
	}
}

func TestSyntaxErrorIsAFinding(t *testing.T) {
	pack, err := checks.Load(context.Background(), checks.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := pack.ScanFile(context.Background(), checks.File{Path: "k.yaml", Kind: document.Kubernetes, Source: []byte("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n")}, checks.ScanOptions{})
	if len(r.Findings) != 1 || r.Findings[0].RuleID != "syntax-error" || r.Findings[0].Range.StartLine != 5 {
		t.Fatalf("findings %+v", r.Findings)
	}
}

// A kind compiles only the helper modules its rules refer to; a user policy
// that borrows another kind's helpers, by import or by full reference, must
// still get them.
func TestPolicyUsesAnotherKindsHelpers(t *testing.T) {
	policy := `# METADATA
# title: Literal image names
# custom:
#   id: ORG010
#   severity: low
package shiplint.kubernetes.literal_image

import data.shiplint.lib.dockerfile as df

deny contains {"msg": "literal", "path": ["containers", i, "image"]} if {
	some i, c in input.containers
	df.literal_word(c.image)
	data.shiplint.lib.compose.clean_path("/a/./b") == "/a/b"
}
`
	pack, err := checks.Load(context.Background(), checks.Options{
		Policies: []string{policyDir(t, map[string]string{"r.rego": policy})},
		Select:   checks.Selection{Only: []string{"ORG010"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	src := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n"
	r := pack.ScanFile(context.Background(), checks.File{Path: "pod.yaml", Kind: document.Kubernetes, Source: []byte(src)}, checks.ScanOptions{})
	if len(r.Notifications) > 0 || len(r.Findings) != 1 || r.Findings[0].RuleID != "ORG010" || r.Findings[0].Range.StartLine != 8 {
		t.Fatalf("findings %+v, notifications %+v", r.Findings, r.Notifications)
	}
}

// A Kubernetes rule that declares applies_to runs only on those resources.
func TestAppliesTo(t *testing.T) {
	rule := func(id, scope string) string {
		return "# METADATA\n# title: Always\n# custom:\n#   id: " + id + "\n#   severity: low\n#   applies_to: " + scope +
			"\npackage shiplint.kubernetes." + strings.ToLower(id) + "\n\ndeny contains {\"msg\": \"hit\", \"path\": []} if true\n"
	}
	pack, err := checks.Load(context.Background(), checks.Options{
		NoBuiltin: true,
		Policies: []string{policyDir(t, map[string]string{
			"w.rego": rule("ORG020", "[workload]"),
			"s.rego": rule("ORG021", "[Service, Ingress]"),
			"n.rego": rule("ORG022", "[namespaced]"),
		})},
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers: []\n":                  "ORG020 ORG022",
		"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec: {}\n":                     "ORG020 ORG022",
		"apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n":                                       "ORG021 ORG022",
		"apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\n":                     "ORG021 ORG022",
		"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n":                                     "ORG022",
		"apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: a\n":                            "ORG022",
		"apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: a\n":         "",
		"apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: a\n": "",
	}
	for src, want := range cases {
		r := pack.ScanFile(context.Background(), checks.File{Path: "k.yaml", Kind: document.Kubernetes, Source: []byte(src)}, checks.ScanOptions{})
		var got []string
		for _, f := range r.Findings {
			got = append(got, f.RuleID)
		}
		slices.Sort(got)
		if strings.Join(got, " ") != want {
			t.Errorf("%q: findings %v, want %q", strings.SplitN(src, "\n", 3)[1], got, want)
		}
	}
}

// A stream with enough resources to be evaluated in parallel gets the same
// findings, at the same lines, as one evaluated document by document, and
// its suppressions (a comment, an annotation) still apply although each
// document is released once evaluated.
func TestManyDocumentsInOneFile(t *testing.T) {
	pack, err := checks.Load(context.Background(), checks.Options{Select: checks.Selection{Only: []string{"KS001"}}})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var want []string
	for i := range 40 {
		fmt.Fprintf(&b, "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p%d\n", i)
		if i == 20 {
			b.WriteString("  annotations:\n    shiplint.dev/ignore: KS001 -- a test pod\n")
		}
		b.WriteString("spec:\n  containers:\n    - name: c\n      image: x:1\n      securityContext:\n")
		privileged := strings.Count(b.String(), "\n") + 1
		if i == 30 {
			b.WriteString("        privileged: true # shiplint ignore=KS001 -- a test pod\n")
		} else {
			b.WriteString("        privileged: true\n")
		}
		state := ""
		if i == 20 || i == 30 {
			state = " suppressed"
		}
		want = append(want, fmt.Sprintf("KS001@%d%s", privileged, state))
	}
	src := []byte(b.String())
	scan := func() []string {
		r := pack.ScanFile(context.Background(), checks.File{Path: "pods.yaml", Kind: document.Kubernetes, Source: src}, checks.ScanOptions{})
		if len(r.Notifications) > 0 {
			t.Fatalf("notifications: %+v", r.Notifications)
		}
		var got []string
		for _, f := range r.Findings {
			state := ""
			if f.Suppressed != nil {
				state = " suppressed"
			}
			got = append(got, fmt.Sprintf("%s@%d%s", f.RuleID, f.Range.StartLine, state))
		}
		return got
	}
	got := scan()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	prev := runtime.GOMAXPROCS(1)
	one := scan()
	runtime.GOMAXPROCS(prev)
	if strings.Join(one, "\n") != strings.Join(got, "\n") {
		t.Errorf("GOMAXPROCS=1 gives different findings:\n%s", strings.Join(one, "\n"))
	}
}
