package lsp

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// copyTree copies the directory src into dst (a test's temporary
// workspace), so a test can change the files of a fixture.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		out := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readText(t testing.TB, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeText(t testing.TB, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// relatedDiag is a diagnostic with its related locations.
type relatedDiag struct {
	Range struct {
		Start struct{ Line, Character int }
	}
	Code               string
	Message            string
	RelatedInformation []struct {
		Location struct {
			URI   string
			Range struct {
				Start struct{ Line int }
			}
		}
		Message string
	}
}

// next waits for the first publishDiagnostics for uri with a version of
// at least version, and takes only that notification (the documents of a
// unit are published together, in any order).
func (c *client) next(uri string, version int) (published, []relatedDiag) {
	c.t.Helper()
	p, params := c.await(uri, version, 30*time.Second, func(i int) { c.notes = slices.Delete(c.notes, i, i+1) })
	var raw struct{ Diagnostics []relatedDiag }
	json.Unmarshal(params, &raw)
	return p, raw.Diagnostics
}

func (c *client) openVersion(uri string, version int, text string) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": version, "text": text}})
}

func wantSummary(t *testing.T, what string, p published, want ...string) {
	t.Helper()
	if got := summary(p); !slices.Equal(got, want) {
		t.Errorf("%s: diagnostics %v, want %v", what, got, want)
	}
}

// A chart's template and values file get the findings `shiplint scan`
// puts on them (testdata/render/helm-values, whose .shiplint.yaml keeps
// KS001, KS005 and KS035); a change to values.yaml in the buffer, not on
// disk, moves the chart's findings at once, in both open documents.
func TestChartTemplateAndValues(t *testing.T) {
	dir := workspace(t)
	copyTree(t, "../../testdata/render/helm-values", dir)
	valuesPath := filepath.Join(dir, "app", "values.yaml")
	saved := strings.Replace(readText(t, valuesPath), "privileged: true # want: KS001", "privileged: false", 1)
	writeText(t, valuesPath, saved)
	tmplPath := filepath.Join(dir, "app", "templates", "deployment.yaml")
	tmpl, values := fileURI(tmplPath), fileURI(valuesPath)

	c := start(t, Options{})
	c.openVersion(tmpl, 1, readText(t, tmplPath))
	p, _ := c.next(tmpl, 1)
	wantSummary(t, "deployment.yaml", p, "16:KS005") // hostNetwork: true, line 17
	c.openVersion(values, 1, saved)
	p, _ = c.next(values, 1)
	wantSummary(t, "values.yaml", p, "12:KS035") // sidecar image busybox:latest, line 13
	// Opening values.yaml rendered the chart: the open template is
	// published from that render too.
	p, _ = c.next(tmpl, 1)
	wantSummary(t, "deployment.yaml from the render of values.yaml", p, "16:KS005")

	// privileged: true, unsaved, on line 8 of values.yaml.
	changed := strings.Replace(saved, "privileged: false", "privileged: true", 1)
	c.change(values, 2, changed)
	p, ds := c.next(values, 2)
	wantSummary(t, "values.yaml after the change", p, "7:KS001", "12:KS035")
	if len(ds) == 2 {
		d := ds[0]
		if d.Range.Start.Character != 2 || len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.URI != tmpl ||
			d.RelatedInformation[0].Location.Range.Start.Line != 21 || d.RelatedInformation[0].Message != "template" {
			t.Errorf("KS001 %+v: want character 2, related: the template line 22 (toYaml .Values.securityContext)", d)
		}
	}
	// The template, open too, is published from the same render.
	p, _ = c.next(tmpl, 1)
	wantSummary(t, "deployment.yaml after the values change", p, "16:KS005")
	if got := readText(t, valuesPath); got != saved {
		t.Errorf("values.yaml on disk changed:\n%s", got)
	}

	// A suppression comment in the unsaved values buffer applies.
	c.change(values, 3, strings.Replace(changed, "privileged: true", "privileged: true # shiplint ignore=KS001 -- test", 1))
	p, _ = c.next(values, 3)
	wantSummary(t, "values.yaml with the finding suppressed", p, "12:KS035")
}

// A template that does not parse is one render-error at its line; the
// server goes on serving, and the fixed template is checked again.
func TestChartTemplateSyntaxError(t *testing.T) {
	dir := workspace(t)
	copyTree(t, "../../testdata/render/helm-values", dir)
	writeText(t, filepath.Join(dir, ".shiplint.yaml"), "only: [KS005, render-error]\n")
	tmplPath := filepath.Join(dir, "app", "templates", "deployment.yaml")
	tmpl := fileURI(tmplPath)
	good := readText(t, tmplPath)
	c := start(t, Options{})
	c.openVersion(tmpl, 1, good)
	p, _ := c.next(tmpl, 1)
	wantSummary(t, "deployment.yaml", p, "16:KS005")

	broken := strings.Replace(good, "replicas: {{ .Values.replicaCount }}", "replicas: {{ .Values.replicaCount }}{{ end }}", 1)
	c.change(tmpl, 2, broken)
	p, _ = c.next(tmpl, 2)
	wantSummary(t, "deployment.yaml with an unclosed action", p, "7:render-error") // line 8
	if len(p.Diagnostics) == 1 && p.Diagnostics[0].Message != "parse error at (app/templates/deployment.yaml:8): unexpected {{end}}" {
		t.Errorf("render-error message %q: want Helm's parse error, as scan reports it", p.Diagnostics[0].Message)
	}
	// Still serving: a request is answered, and the next change checked.
	var hover any
	if err := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": tmpl}, "position": map[string]any{"line": 7, "character": 4}}, &hover); err != nil {
		t.Fatalf("hover after the render error: %v", err)
	}
	c.change(tmpl, 3, good)
	p, _ = c.next(tmpl, 3)
	wantSummary(t, "deployment.yaml fixed", p, "16:KS005")

	// A value the template requires, missing from the unsaved values
	// buffer: the render-error is on the template line that requires it.
	values := fileURI(filepath.Join(dir, "app", "values.yaml"))
	c.change(tmpl, 4, strings.Replace(good, "replicas: {{ .Values.replicaCount }}", `replicas: {{ required "set replicas" .Values.replicas }}`, 1))
	p, _ = c.next(tmpl, 4)
	wantSummary(t, "deployment.yaml requiring .Values.replicas", p, "7:render-error")
	c.openVersion(values, 1, readText(t, filepath.Join(dir, "app", "values.yaml"))+"replicas: 3\n")
	p, _ = c.next(values, 1)
	wantSummary(t, "values.yaml setting replicas", p)
	p, _ = c.next(tmpl, 4)
	wantSummary(t, "deployment.yaml once values.yaml sets replicas", p, "16:KS005")
}

// A Kustomize patch gets its findings on the patch line, from the overlay's
// render with the unsaved patch (testdata/render/kustomize).
func TestKustomizePatch(t *testing.T) {
	dir := workspace(t)
	copyTree(t, "../../testdata/render/kustomize", dir)
	prod := filepath.Join(dir, "overlays", "prod")
	patch, jsonPatch, kust := fileURI(filepath.Join(prod, "privileged.yaml")), fileURI(filepath.Join(prod, "hostpid.json.yaml")), fileURI(filepath.Join(prod, "kustomization.yaml"))
	c := start(t, Options{})
	text := readText(t, filepath.Join(prod, "privileged.yaml"))
	c.openVersion(patch, 1, text)
	p, ds := c.next(patch, 1)
	// Only the line the patch changes; a fragment alone would also
	// be a Deployment without runAsNonRoot (KS003) and so on.
	wantSummary(t, "privileged.yaml", p, "12:KS001")
	if len(ds) == 1 && len(ds[0].RelatedInformation) != 2 {
		t.Errorf("KS001 related %+v: want the two kustomizations", ds[0].RelatedInformation)
	}
	c.openVersion(jsonPatch, 1, readText(t, filepath.Join(prod, "hostpid.json.yaml")))
	p, _ = c.next(jsonPatch, 1)
	wantSummary(t, "hostpid.json.yaml", p, "2:KS006")

	// Two lines added above: the finding follows the unsaved patch line,
	// and the other open patch is published from the same render.
	c.change(patch, 2, "# one\n# two\n"+text)
	p, _ = c.next(patch, 2)
	wantSummary(t, "privileged.yaml after the change", p, "14:KS001")
	p, _ = c.next(jsonPatch, 1)
	wantSummary(t, "hostpid.json.yaml after the other patch changed", p, "2:KS006")

	c.openVersion(kust, 1, readText(t, filepath.Join(prod, "kustomization.yaml")))
	p, _ = c.next(kust, 1)
	wantSummary(t, "kustomization.yaml", p, "14:KS040")
}

// A file in an overlay's directory that the overlay does not read is a
// manifest of its own, as scan checks it.
func TestKustomizeUnreferencedFileIsPlain(t *testing.T) {
	dir := workspace(t)
	copyTree(t, "../../testdata/render/kustomize", dir)
	writeText(t, filepath.Join(dir, ".shiplint.yaml"), "only: [KS003, KS006, DF001]\n")
	extra := fileURI(filepath.Join(dir, "overlays", "prod", "extra.yaml"))
	c := start(t, Options{})
	c.openVersion(extra, 1, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  hostPID: true\n  containers:\n    - name: a\n      image: nginx:1.27\n")
	p, _ := c.next(extra, 1)
	wantSummary(t, "extra.yaml (not saved, not in the kustomization)", p, "5:KS006", "7:KS003")
	df := fileURI(filepath.Join(dir, "overlays", "prod", "Dockerfile"))
	c.openVersion(df, 1, badDockerfile)
	p, _ = c.next(df, 1)
	wantSummary(t, "a Dockerfile in the overlay's directory", p, "3:DF001")
}

// The chart's helm: settings in .shiplint.yaml apply, as in a scan: a set
// value replaces the sidecar's :latest image, so KS035 is gone.
func TestChartHelmSettings(t *testing.T) {
	dir := workspace(t)
	copyTree(t, "../../testdata/render/helm-values", dir)
	writeText(t, filepath.Join(dir, ".shiplint.yaml"), "only: [KS001, KS035]\nhelm:\n  app:\n    set: [sidecar.image=busybox:1.36]\n")
	valuesPath := filepath.Join(dir, "app", "values.yaml")
	values := fileURI(valuesPath)
	c := start(t, Options{})
	c.openVersion(values, 1, readText(t, valuesPath))
	p, _ := c.next(values, 1)
	wantSummary(t, "values.yaml", p, "7:KS001")
}

// The unsaved text of a template that is a symbolic link out of the
// workspace is not rendered: the file is refused as in a scan (a
// render-error on it), whatever the buffer holds.
func TestChartBufferDoesNotWeakenConfinement(t *testing.T) {
	dir := workspace(t)
	copyTree(t, "../../testdata/render/helm-values", dir)
	writeText(t, filepath.Join(dir, ".shiplint.yaml"), "only: [KS001, KS006, render-error]\n")
	outside := filepath.Join(t.TempDir(), "pod.yaml")
	writeText(t, outside, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n")
	evilPath := filepath.Join(dir, "app", "templates", "evil.yaml")
	if err := os.Symlink(outside, evilPath); err != nil {
		t.Fatal(err)
	}
	evil := fileURI(evilPath)
	c := start(t, Options{})
	c.openVersion(evil, 1, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: evil\nspec:\n  hostPID: true\n  containers:\n    - name: a\n      image: nginx:1.27\n")
	p, _ := c.next(evil, 1)
	wantSummary(t, "evil.yaml", p, "0:render-error")
	if len(p.Diagnostics) == 1 && !strings.Contains(p.Diagnostics[0].Message, "leads out of the scanned directory") {
		t.Errorf("render-error %q: want the file refused as outside", p.Diagnostics[0].Message)
	}
}

// In a workspace folder that is no repository, the chart above the
// document is found within the folder, and related locations name the
// template's file.
func TestChartInWorkspaceFolderWithoutRepository(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "../../testdata/render/helm-values", dir)
	os.Remove(filepath.Join(dir, ".shiplint.yaml")) // not found from app/ without a repository anyway
	valuesPath := filepath.Join(dir, "app", "values.yaml")
	values, tmpl := fileURI(valuesPath), fileURI(filepath.Join(dir, "app", "templates", "deployment.yaml"))
	c := startIn(t, Options{}, fileURI(dir))
	// From templates/, with no repository, the configuration's boundary
	// is templates/ itself: the chart is found within the folder.
	c.openVersion(tmpl, 1, readText(t, filepath.Join(dir, "app", "templates", "deployment.yaml")))
	p, _ := c.next(tmpl, 1)
	if got := summary(p); !slices.Contains(got, "16:KS005") || slices.ContainsFunc(got, func(s string) bool { return strings.HasSuffix(s, ":syntax-error") }) {
		t.Errorf("deployment.yaml: %v, want KS005 at 16 from the render and no syntax-error", got)
	}
	c.openVersion(values, 1, readText(t, valuesPath))
	_, ds := c.next(values, 1)
	found := false
	for _, d := range ds {
		if d.Code == "KS001" {
			found = true
			if d.Range.Start.Line != 7 || len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.URI != tmpl || d.RelatedInformation[0].Location.Range.Start.Line != 21 {
				t.Errorf("KS001 %+v: want line 7, related: the template's line 21", d)
			}
		}
	}
	if !found {
		t.Errorf("no KS001 in values.yaml: %+v", ds)
	}
}
