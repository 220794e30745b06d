package helm

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/render"
)

func openRoot(t *testing.T, dir string) *confine.Root {
	t.Helper()
	rt, err := confine.NewReader(confine.Limits{}).OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	return rt
}

// chainString shows a chain as "path:line:role ...".
func chainString(c render.Chain) string {
	var s []string
	for _, l := range c {
		s = append(s, fmt.Sprintf("%s:%d:%s", l.Path, l.Range.StartLine, l.Role))
	}
	return strings.Join(s, " ")
}

func resource(t *testing.T, res render.Result, from string) render.Resource {
	t.Helper()
	for _, r := range res.Resources {
		if strings.Contains(r.From, from) {
			return r
		}
	}
	t.Fatalf("no resource from %s; have %d resources, problems %+v", from, len(res.Resources), res.Problems)
	return render.Resource{}
}

// lineOrigin is the origin of the n-th rendered line (1-based) equal, once
// trimmed, to text.
func lineOrigin(t *testing.T, r render.Resource, text string, n int) string {
	t.Helper()
	seen := 0
	for i, l := range splitLines(r.Text) {
		if strings.TrimSpace(l) == text {
			seen++
			if seen == n {
				if i >= len(r.Lines) {
					return ""
				}
				return chainString(r.Lines[i])
			}
		}
	}
	t.Fatalf("no line %q (#%d) in\n%s", text, n, r.Text)
	return ""
}

type lineWant struct {
	text string
	n    int // which occurrence, 1-based
	want string
}

type pathWant struct {
	key  string
	want string // "" means no entry
}

func TestRenderSourceMap(t *testing.T) {
	cases := []struct {
		name  string
		chart string
		opts  Options
		from  string
		lines []lineWant
		paths []pathWant
	}{
		{
			name: "literal and values-driven settings", chart: "web", from: "web/templates/pod.yaml",
			lines: []lineWant{
				{"kind: Pod", 1, "web/templates/pod.yaml:2:template"},
				{"name: release-name-web", 1, "web/templates/pod.yaml:4:template"},
				// literal privileged: true in the template
				{"privileged: true", 2, "web/templates/pod.yaml:19:template"},
				// values-driven privileged: {{ .Values.privileged }}
				{"privileged: true", 1, "web/templates/pod.yaml:12:template"},
				// included helper: the include's line
				{"app: web", 1, "web/templates/pod.yaml:6:template"},
				// toYaml block: the toYaml line
				{"allowPrivilegeEscalation: true", 1, "web/templates/pod.yaml:20:template"},
				{"runAsUser: 0", 1, "web/templates/pod.yaml:14:template"},
				{"runAsUser: 0", 2, "web/templates/pod.yaml:20:template"},
			},
			paths: []pathWant{
				{"/spec/containers/0/securityContext/privileged", "web/values.yaml:1:values web/templates/pod.yaml:12:template"},
				{"/spec/containers/1/securityContext/privileged", ""}, // literal
				// with .Values.securityContext: .runAsUser
				{"/spec/containers/0/securityContext/runAsUser", "web/values.yaml:6:values web/templates/pod.yaml:14:template"},
				// toYaml .Values.securityContext: each sub-key to its key
				{"/spec/containers/1/securityContext/runAsUser", "web/values.yaml:6:values web/templates/pod.yaml:20:template"},
				{"/spec/containers/1/securityContext/allowPrivilegeEscalation", "web/values.yaml:7:values web/templates/pod.yaml:20:template"},
				// two values in one scalar: both keys, in order
				{"/spec/containers/0/image", "web/values.yaml:3:values web/values.yaml:4:values web/templates/pod.yaml:10:template"},
				{"/metadata/name", ""},
				// read by the included helper web.labels
				{"/metadata/labels/team", "web/values.yaml:11:values web/templates/_helpers.tpl:3:template"},
			},
		},
		{
			name: "sub-chart with a parent override and a global", chart: "web", from: "web/charts/db/templates/deploy.yaml",
			lines: []lineWant{
				{"hostNetwork: true", 1, "web/charts/db/templates/deploy.yaml:9:template"},
			},
			paths: []pathWant{
				// db.hostNetwork in the parent's values.yaml wins
				{"/spec/template/spec/hostNetwork", "web/values.yaml:9:values web/charts/db/templates/deploy.yaml:9:template"},
				// not overridden: the sub-chart's own values.yaml
				{"/spec/replicas", "web/charts/db/values.yaml:2:values web/charts/db/templates/deploy.yaml:6:template"},
				{"/spec/template/spec/containers/0/env/0/value", "web/values.yaml:11:values web/charts/db/templates/deploy.yaml:15:template"},
			},
		},
		{
			name: "user values file and --set", chart: "web", from: "web/templates/pod.yaml",
			opts: Options{
				Values: []ValuesFile{{Path: "prod.yaml", Data: []byte("image:\n  tag: \"1.2\"\nprivileged: false\n")}},
				Set:    []string{"privileged=true"},
			},
			lines: []lineWant{{"image: \"nginx:1.2\"", 1, "web/templates/pod.yaml:10:template"}},
			paths: []pathWant{
				{"/spec/containers/0/image", "web/values.yaml:3:values prod.yaml:2:values web/templates/pod.yaml:10:template"},
				// set on the command line: no file to point at
				{"/spec/containers/0/securityContext/privileged", ""},
			},
		},
		{
			name: "range over values: the element's key at run time", chart: "loops", from: "loops/templates/pod.yaml",
			lines: []lineWant{
				{"privileged: true", 1, "loops/templates/pod.yaml:14:template"},
				{"- --y", 2, "loops/templates/pod.yaml:17:template"},
			},
			paths: []pathWant{
				// range .Values.containers: .privileged of element 1
				{"/spec/containers/1/securityContext/privileged", "loops/values.yaml:8:values loops/templates/pod.yaml:14:template"},
				{"/spec/containers/0/securityContext/privileged", "loops/values.yaml:6:values loops/templates/pod.yaml:14:template"},
				// range $.Values.args nested in it: "."
				{"/spec/containers/1/args/1", "loops/values.yaml:11:values loops/templates/pod.yaml:17:template"},
				// range $k, $v := .Values.annotations: $v
				{"/metadata/annotations/b", "loops/values.yaml:3:values loops/templates/pod.yaml:7:template"},
			},
		},
		{
			name: "template at column 1, index, include of values", chart: "misc", from: "misc/templates/svc.yaml",
			lines: []lineWant{
				// {{ template }} alone on its line: its output is its line's
				{"labels:", 1, "misc/templates/svc.yaml:5:template"},
				{"app: misc", 1, "misc/templates/svc.yaml:5:template"},
				{"annotations:", 1, "misc/templates/svc.yaml:6:template"},
			},
			paths: []pathWant{
				{"/metadata/annotations/first-host", "misc/values.yaml:5:values misc/templates/svc.yaml:7:template"},
				{"/spec/ports/0/port", "misc/values.yaml:3:values misc/templates/svc.yaml:11:template"},
				// include's output is the helper's, not .Values.labels
				{"/metadata/annotations/team", ""},
				// default "fallback" .Values.emptyName printed the default
				{"/spec/selector/fallback", ""},
				// a helper reading .Values.name, traced out of band: the
				// key, then the helper's line
				{"/spec/selector/own", "misc/values.yaml:12:values misc/templates/_helpers.tpl:6:template"},
				// the same helper given (dict "Values" .Values.sub): what it
				// read is not .Values.name, so no key
				{"/spec/selector/other", ""},
			},
		},
		{
			name: "toYaml block in a helper, indented again by the caller", chart: "misc", from: "misc/templates/pod.yaml",
			lines: []lineWant{{"runAsUser: 0", 1, "misc/templates/pod.yaml:6:template"}},
			paths: []pathWant{
				{"/spec/securityContext/runAsUser", "misc/values.yaml:15:values misc/templates/_helpers.tpl:10:template"},
				{"/spec/securityContext/runAsNonRoot", "misc/values.yaml:14:values misc/templates/_helpers.tpl:10:template"},
				{"/spec/containers/0/image", ""},
			},
		},
	}
	rt := openRoot(t, "testdata")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Render(rt, c.chart, c.opts)
			r := resource(t, res, c.from)
			for _, l := range c.lines {
				if got := lineOrigin(t, r, l.text, l.n); got != l.want {
					t.Errorf("line %q #%d: got %q, want %q", l.text, l.n, got, l.want)
				}
			}
			for _, p := range c.paths {
				if got := chainString(r.Paths[p.key]); got != p.want {
					t.Errorf("path %s: got %q, want %q", p.key, got, p.want)
				}
			}
		})
	}
}

func TestRenderLinesCoverEveryLine(t *testing.T) {
	res := Render(openRoot(t, "testdata"), "web", Options{})
	if len(res.Resources) != 2 {
		t.Fatalf("got %d resources, want 2", len(res.Resources))
	}
	for _, r := range res.Resources {
		if len(r.Lines) != len(splitLines(r.Text)) {
			t.Errorf("%s: %d origins for %d lines", r.From, len(r.Lines), len(splitLines(r.Text)))
		}
		for i, c := range r.Lines {
			if len(c) == 0 {
				t.Errorf("%s: line %d has no origin", r.From, i+1)
			}
		}
	}
}

func TestRenderProblems(t *testing.T) {
	cases := []struct {
		chart     string
		want      []string // "rule path:line:col"
		msg       string
		resources int
	}{
		{"missing", []string{"helm-missing-dependency missing/Chart.yaml:5:0"}, "helm dependency build", 1},
		{"failing", []string{"render-error failing/templates/cm.yaml:7:8"}, "mode must not be bad", 0},
		{"parseerr", []string{"render-error parseerr/templates/cm.yaml:8:0"}, "unexpected EOF", 0},
		{"badyaml", []string{"render-error badyaml/templates/cm.yaml:6:1"}, "not valid YAML", 0},
		{"lib", nil, "", 0},
		// Helm names the sub-chart's template by chart name (db2), not by
		// its directory (dbdir); the multi-line "executing" form.
		{"suberr", []string{"render-error suberr/charts/dbdir/templates/cm.yaml:6:15"}, "nil pointer evaluating interface {}.key", 0},
		// required inside an included helper: Helm reports the include.
		{"helpererr", []string{"render-error helpererr/templates/secret.yaml:6:8"}, "a password is required", 0},
	}
	rt := openRoot(t, "testdata")
	for _, c := range cases {
		t.Run(c.chart, func(t *testing.T) {
			res := Render(rt, c.chart, Options{})
			var got []string
			for _, p := range res.Problems {
				got = append(got, fmt.Sprintf("%s %s:%d:%d", p.Rule, p.Location.Path, p.Location.Range.StartLine, p.Location.Range.StartColumn))
				if !strings.Contains(p.Msg, c.msg) {
					t.Errorf("message %q lacks %q", p.Msg, c.msg)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("problems %q, want %q", got, c.want)
			}
			if len(res.Resources) != c.resources {
				t.Errorf("%d resources, want %d", len(res.Resources), c.resources)
			}
		})
	}
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func tgz(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, text := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(text)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const parentChart = "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: cache\n    version: 0.1.0\n"

func TestRenderTgzSubchart(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"app/Chart.yaml":  parentChart,
		"app/values.yaml": "cache:\n  privileged: true\n",
	})
	b := tgz(t, map[string]string{
		"cache/Chart.yaml":         "apiVersion: v2\nname: cache\nversion: 0.1.0\n",
		"cache/values.yaml":        "privileged: false\n",
		"cache/templates/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: cache\nspec:\n  containers:\n    - name: c\n      securityContext:\n        privileged: {{ .Values.privileged }}\n",
	})
	if err := os.MkdirAll(filepath.Join(dir, "app/charts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app/charts/cache-0.1.0.tgz"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	res := Render(openRoot(t, dir), "app", Options{})
	if len(res.Problems) != 0 {
		t.Fatalf("problems: %+v", res.Problems)
	}
	r := resource(t, res, "app/charts/cache/templates/pod.yaml")
	if !strings.Contains(string(r.Text), "privileged: true") {
		t.Errorf("parent override not applied:\n%s", r.Text)
	}
	// The template is inside the archive, in no file of the tree: no
	// line points into it.
	if r.Lines != nil {
		t.Errorf("lines into a .tgz: %v", r.Lines)
	}
	want := []string{"app/Chart.yaml", "app/charts/cache-0.1.0.tgz", "app/values.yaml"}
	if strings.Join(res.Inputs, " ") != strings.Join(want, " ") {
		t.Errorf("inputs %q, want %q", res.Inputs, want)
	}
	// Its templates are traced all the same: the value the parent's
	// values.yaml sets lands on its line, the archive's line 1 as the
	// template.
	got := chainString(r.Paths["/spec/containers/0/securityContext/privileged"])
	if want := "app/values.yaml:2:values app/charts/cache-0.1.0.tgz:1:template"; got != want {
		t.Errorf("privileged: got %q, want %q", got, want)
	}
	// A value from the archive's own values.yaml has no line.
	if c, ok := r.Paths["/metadata/name"]; ok {
		t.Errorf("name mapped: %q", chainString(c))
	}

	// A value from the user's values file lands on its line, over the
	// parent's.
	res = Render(openRoot(t, dir), "app", Options{Values: []ValuesFile{{Path: "prod.yaml", Data: []byte("# prod\ncache:\n  privileged: true\n")}}})
	r = resource(t, res, "app/charts/cache/templates/pod.yaml")
	got = chainString(r.Paths["/spec/containers/0/securityContext/privileged"])
	if want := "prod.yaml:3:values app/charts/cache-0.1.0.tgz:1:template"; got != want {
		t.Errorf("privileged from --helm-values: got %q, want %q", got, want)
	}
}

func TestRenderSiblingDependency(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"charts/app/Chart.yaml":           parentChart,
		"charts/app/values.yaml":          "cache:\n  privileged: true\n",
		"charts/cache/Chart.yaml":         "apiVersion: v2\nname: cache\nversion: 0.1.0\n",
		"charts/cache/values.yaml":        "privileged: false\n",
		"charts/cache/templates/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: cache\nspec:\n  containers:\n    - name: c\n      securityContext:\n        privileged: {{ .Values.privileged }}\n",
	})
	res := Render(openRoot(t, dir), "charts/app", Options{})
	if len(res.Problems) != 0 {
		t.Fatalf("problems: %+v", res.Problems)
	}
	r := resource(t, res, "app/charts/cache/templates/pod.yaml")
	if got, want := lineOrigin(t, r, "privileged: true", 1), "charts/cache/templates/pod.yaml:9:template"; got != want {
		t.Errorf("line: got %q, want %q", got, want)
	}
	got := chainString(r.Paths["/spec/containers/0/securityContext/privileged"])
	if want := "charts/app/values.yaml:2:values charts/cache/templates/pod.yaml:9:template"; got != want {
		t.Errorf("path: got %q, want %q", got, want)
	}
}

func TestRenderSymlinkOutsideRefused(t *testing.T) {
	outside := t.TempDir()
	write(t, outside, map[string]string{"secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: stolen\n"})
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"c/Chart.yaml":        "apiVersion: v2\nname: c\nversion: 0.1.0\n",
		"c/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n",
	})
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "c/templates/secret.yaml")); err != nil {
		t.Skip("no symlinks:", err)
	}
	res := Render(openRoot(t, dir), "c", Options{})
	if len(res.Problems) != 1 || res.Problems[0].Location.Path != "c/templates/secret.yaml" || res.Problems[0].Rule != RuleError {
		t.Fatalf("problems %+v, want one at c/templates/secret.yaml", res.Problems)
	}
	if strings.Contains(res.Problems[0].Msg, outside) {
		t.Errorf("message names the target: %s", res.Problems[0].Msg)
	}
	for _, r := range res.Resources {
		if strings.Contains(string(r.Text), "stolen") {
			t.Errorf("rendered a file from outside the root")
		}
	}
	if len(res.Resources) != 1 {
		t.Errorf("%d resources, want 1", len(res.Resources))
	}
}

// A chart that asks for the cluster or the network gets nothing: lookup
// returns an empty map, getHostByName an empty string.
func TestRenderNoNetwork(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"c/Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
		"c/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n" +
			"  found: {{ lookup \"v1\" \"Secret\" \"default\" \"s\" | len | quote }}\n" +
			"  host: {{ getHostByName \"example.com\" | quote }}\n" +
			"  kube: {{ .Capabilities.KubeVersion.Version | quote }}\n",
	})
	res := Render(openRoot(t, dir), "c", Options{})
	r := resource(t, res, "c/templates/cm.yaml")
	for _, want := range []string{`found: "0"`, `host: ""`, `kube: "v1.37.0"`} {
		if !strings.Contains(string(r.Text), want) {
			t.Errorf("missing %s in\n%s", want, r.Text)
		}
	}
}

// A dependency found through Chart.yaml (untrusted) that leads through a
// symlinked directory is not read: the link could lead out of the root.
func TestRenderDependencyThroughSymlinkRefused(t *testing.T) {
	outside := t.TempDir()
	write(t, outside, map[string]string{
		"cache/Chart.yaml":        "apiVersion: v2\nname: cache\nversion: 0.1.0\n",
		"cache/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stolen\n",
	})
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"app/Chart.yaml":        "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: cache\n    version: 0.1.0\n    repository: file://../link/cache\n",
		"app/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n",
	})
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Skip("no symlinks:", err)
	}
	res := Render(openRoot(t, dir), "app", Options{})
	for _, r := range res.Resources {
		if strings.Contains(string(r.Text), "stolen") {
			t.Fatalf("rendered a chart from outside the root")
		}
	}
	var rules []string
	for _, p := range res.Problems {
		rules = append(rules, p.Rule)
	}
	if len(res.Resources) != 1 || !strings.Contains(strings.Join(rules, " "), RuleMissingDependency) {
		t.Errorf("%d resources, problems %+v", len(res.Resources), res.Problems)
	}
	// Nor a chart directory named through the link.
	res = Render(openRoot(t, dir), "link/cache", Options{})
	if len(res.Resources) != 0 || len(res.Inputs) != 0 || len(res.Problems) == 0 {
		t.Errorf("read through a link: %d resources, inputs %q, problems %+v", len(res.Resources), res.Inputs, res.Problems)
	}
}

// A chart cannot make one template call allocate without bound.
func TestRenderCappedFunctions(t *testing.T) {
	cases := []struct{ tpl, msg string }{
		{`{{ range until 1000000000 }}x{{ end }}`, "until: 1000000000 elements is over shiplint's limit of 100000"},
		{`{{ range untilStep 0 2000000000 2 }}x{{ end }}`, "untilStep: 1000000000 elements"},
		{`{{ seq 1 1000000000 }}`, "seq: 999999999 elements"},
		{`{{ repeat 1000000000 "ab" }}`, "repeat: 1000000000 times 2 bytes"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		write(t, dir, map[string]string{
			"c/Chart.yaml":        "apiVersion: v2\nname: c\nversion: 0.1.0\n",
			"c/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: |\n    " + c.tpl + "\n",
		})
		res := Render(openRoot(t, dir), "c", Options{})
		if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, c.msg) || res.Problems[0].Location.Range.StartLine != 7 {
			t.Errorf("%s: problems %+v, want one at line 7 saying %q", c.tpl, res.Problems, c.msg)
		}
	}
	// Within the limits they work as in Helm.
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"c/Chart.yaml":        "apiVersion: v2\nname: c\nversion: 0.1.0\n",
		"c/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"{{ range until 3 }}{{ . }}{{ end }} {{ untilStep 0 6 2 }} {{ seq 3 }} {{ repeat 2 \"ab\" }}\"\n",
	})
	res := Render(openRoot(t, dir), "c", Options{})
	r := resource(t, res, "c/templates/cm.yaml")
	if want := `a: "012 [0 2 4] 1 2 3 abab"`; !strings.Contains(string(r.Text), want) {
		t.Errorf("got\n%s\nwant %s", r.Text, want)
	}
}

// A library chart renders nothing alone but lends its helpers to a chart
// that depends on it.
func TestRenderLibraryAsDependency(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"app/Chart.yaml":                  "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: lib\n    version: 0.1.0\n",
		"app/templates/cm.yaml":           "apiVersion: v1\n{{ include \"lib.kind\" . }}\nmetadata:\n  name: x\n",
		"app/charts/lib/Chart.yaml":       "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
		"app/charts/lib/templates/_k.tpl": "{{- define \"lib.kind\" -}}\nkind: ConfigMap\n{{- end }}\n",
	})
	rt := openRoot(t, dir)
	if res := Render(rt, "app/charts/lib", Options{}); len(res.Resources) != 0 || len(res.Problems) != 0 {
		t.Errorf("library alone: %+v", res)
	}
	res := Render(rt, "app", Options{})
	r := resource(t, res, "app/templates/cm.yaml")
	if got := lineOrigin(t, r, "kind: ConfigMap", 1); got != "app/templates/cm.yaml:2:template" {
		t.Errorf("kind line from %q", got)
	}
}

func TestRenderCapabilities(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"c/Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\nkubeVersion: \">=1.25.0-0\"\n",
		"c/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n" +
			"  kube: {{ .Capabilities.KubeVersion.Version | quote }}\n" +
			"  monitoring: {{ .Capabilities.APIVersions.Has \"monitoring.coreos.com/v1\" | quote }}\n" +
			"  release: {{ .Release.Name }}/{{ .Release.Namespace }}\n",
	})
	rt := openRoot(t, dir)
	res := Render(rt, "c", Options{KubeVersion: "v1.29.3", APIVersions: []string{"monitoring.coreos.com/v1"}, ReleaseName: "r", Namespace: "ns"})
	r := resource(t, res, "c/templates/cm.yaml")
	for _, want := range []string{`kube: "v1.29.3"`, `monitoring: "true"`, `release: r/ns`} {
		if !strings.Contains(string(r.Text), want) {
			t.Errorf("missing %s in\n%s", want, r.Text)
		}
	}
	res = Render(rt, "c", Options{})
	r = resource(t, res, "c/templates/cm.yaml")
	for _, want := range []string{`kube: "v1.37.0"`, `monitoring: "false"`, `release: release-name/release-namespace`} {
		if !strings.Contains(string(r.Text), want) {
			t.Errorf("missing %s in\n%s", want, r.Text)
		}
	}
	// kubeVersion the chart excludes: a problem at that line, as helm template fails.
	res = Render(rt, "c", Options{KubeVersion: "v1.20.0"})
	if len(res.Problems) != 1 || res.Problems[0].Location.Path != "c/Chart.yaml" || res.Problems[0].Location.Range.StartLine != 4 || len(res.Resources) != 0 {
		t.Errorf("problems %+v, %d resources", res.Problems, len(res.Resources))
	}
}

// Renders share nothing: several at once give each its own result.
func TestRenderConcurrent(t *testing.T) {
	rt := openRoot(t, "testdata")
	charts := []string{"web", "loops", "misc", "failing", "missing"}
	want := map[string]render.Result{}
	for _, c := range charts {
		want[c] = Render(rt, c, Options{})
	}
	type got struct {
		chart string
		res   render.Result
	}
	out := make(chan got)
	for i := 0; i < 4; i++ {
		for _, c := range charts {
			go func() { out <- got{c, Render(rt, c, Options{})} }()
		}
	}
	for i := 0; i < 4*len(charts); i++ {
		g := <-out
		if !reflect.DeepEqual(g.res, want[g.chart]) {
			t.Errorf("%s rendered differently when concurrent", g.chart)
		}
	}
}
