package kubernetes

import (
	"errors"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

func TestLooksJSON(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{`{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}`, true},
		{"\ufeff\n\t{\n\t\"kind\":\"Deployment\",\n\t\"apiVersion\":\"apps/v1\"}", true},
		{`{"metadata": {"name": "a", "kind": "x"}, "spec": {"apiVersion": "v1"}, "apiVersion": "serving.knative.dev/v1", "kind": "Service"}`, true},
		{`{"apiVersion":"v1","items":[{"apiVersion":"v1","kind":"Pod"}],"kind":"List","metadata":{}}`, true},
		{`{"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout"}`, true},
		{`{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b",},}`, true}, // broken, but a manifest: a syntax error, not a skip
		{`{"a": "\"apiVersion\": \"v1\"", "kind": "Pod"}`, false},                  // quoted text is no key
		{`{"apiVersion": "v1", "kind": "Pod"`, true},
		{`{"apiVersion": "v1"}`, false},
		{`{"apiVersion": "v1", "kind": {"name": "Pod"}}`, false},
		{`{"name": "x", "version": "1.0.0", "scripts": {"kind": "Pod"}, "apiVersion": "v1"}`, false}, // package.json
		{`{"compilerOptions": {"target": "es2020"}}`, false},                                         // tsconfig
		{`{"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}}}`, false},
		{`{"apiVersion": "2.0", "kind": "youtube#video"}`, false},
		{`{"apiVersion": "v1", "kind": "pod"}`, false},
		{`{"apiVersion": "V1", "kind": "Pod"}`, false},
		{`[{"apiVersion": "v1", "kind": "Pod"}]`, false},
		{`{"kind": "Pod"} {"apiVersion": "v1"}`, false},
		{`{{ toJson .Values.pod }}`, false},
		{`{"apiVersion": "v1", {{ if .x }}"kind": "Pod"{{ end }}}`, false},
		{`{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "{{ .Release.Name }}"}}`, true},
		{"", false},
		{`"apiVersion"`, false},
	}
	for _, tt := range tests {
		if got := LooksJSON([]byte(tt.src)); got != tt.want {
			t.Errorf("LooksJSON(%q) = %v", tt.src, got)
		}
	}
	// A .yaml file holding JSON is YAML's flow style: Looks takes it too.
	if !Looks([]byte("# exported\n\n{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}\n")) && !Looks([]byte("{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}")) {
		t.Error("Looks misses JSON")
	}
}

// TestParseJSON: a JSON manifest is located line by line and column by
// column, tab-indented or not, and its escapes read as JSON reads them.
func TestParseJSON(t *testing.T) {
	src := "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Pod\",\n\t\"metadata\": {\n\t\t\"name\": \"web\",\n\t\t\"annotations\": {\"a\": \"http:\\/\\/x\", \"b\": \"\\ud83d\\ude00 \\u00e9\\t\"}\n\t},\n\t\"spec\": {\n\t\t\"hostPID\": true,\n\t\t\"containers\": [\n\t\t\t{\n\t\t\t\t\"name\": \"app\",\n\t\t\t\t\"securityContext\": {\"privileged\": true}\n\t\t\t}\n\t\t]\n\t}\n}\n"
	docs, err := Parse("pod.json", []byte(src))
	if err != nil || len(docs) != 1 {
		t.Fatalf("%v %d", err, len(docs))
	}
	d := docs[0]
	ann := d.Input["resource"].(map[string]any)["metadata"].(map[string]any)["annotations"].(map[string]any)
	if ann["a"] != "http://x" || ann["b"] != "\U0001F600 é\t" {
		t.Errorf("annotations %q", ann)
	}
	want := map[string]document.Range{
		"":                 rng(1, 1, 13, 44), // a flow collection ends at its last value
		"/podSpec/hostPID": rng(9, 3, 9, 18),
		"/containers/0":    rng(11, 4, 13, 44),
		"/containers/0/securityContext/privileged": rng(13, 25, 13, 43),
		"/name": rng(5, 3, 5, 16),
	}
	for k, r := range want {
		if got := at(d, k); got != r {
			t.Errorf("%q at %+v, want %+v", k, got, r)
		}
	}
	// The same resource on one line: the same keys, on line 1, at the
	// columns of the bytes (before the first \/ escape, which moves those
	// after it on its line).
	min := `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"m"},"spec":{"hostPID":true,"containers":[{"name":"a","securityContext":{"privileged":true}}]}}`
	docs, err = Parse("min.json", []byte(min))
	if err != nil || len(docs) != 1 {
		t.Fatalf("%v %d", err, len(docs))
	}
	for k, col := range map[string]int{"/podSpec/hostPID": strings.Index(min, `"hostPID"`) + 1, "/containers/0/securityContext/privileged": strings.Index(min, `"privileged"`) + 1} {
		if r := at(docs[0], k); r.StartLine != 1 || r.StartColumn != col {
			t.Errorf("%s at %+v, want 1:%d", k, r, col)
		}
	}
}

// TestJSONSyntaxErrors: JSON's grammar decides, at the line and column
// where encoding/json stops; what YAML reads of the file is still checked.
func TestJSONSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, src    string
		line, column int
		docs         int
	}{
		{"trailing comma", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"b\",}\n}\n", 4, 28, 1},
		{"comment", "{\n  \"apiVersion\": \"v1\", # a comment\n  \"kind\": \"Pod\"\n}\n", 2, 23, 1},
		{"single quotes", "{\"apiVersion\": \"v1\", \"kind\": 'Pod'}", 1, 30, 1},
		{"cut short", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n", 3, 17, 0}, // after the last byte read
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse("x.json", []byte(tt.src))
			var se *document.SyntaxError
			if !errors.As(err, &se) || se.Line != tt.line || se.Column != tt.column || !strings.HasPrefix(se.Msg, "invalid JSON: ") {
				t.Fatalf("error %#v", err)
			}
			if len(docs) != tt.docs {
				t.Errorf("%d resources, want %d", len(docs), tt.docs)
			}
		})
	}
	// The same text named .yaml is YAML, where a trailing comma is fine.
	if _, err := Parse("x.yaml", []byte(tests[0].src)); err != nil {
		t.Errorf("yaml: %v", err)
	}
}

// TestListKinds: a List, or a kind ending in List, with items is split into
// its items, each located at its own lines, in YAML and JSON alike.
func TestListKinds(t *testing.T) {
	yaml := `apiVersion: apps/v1
kind: DeploymentList
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: a}
  spec:
    template:
      spec:
        hostPID: true
        containers: [{name: c, image: x}]
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: b}
`
	json := `{"apiVersion": "v1", "kind": "List", "metadata": {},
 "items": [
  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}},
  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
   "spec": {"hostPID": true, "containers": [{"name": "c", "image": "x"}]}}
 ]}
`
	tests := []struct {
		name, src  string
		ids        []string
		hostPID    int // line of hostPID in the workload
		workload   int // index of the workload among the resources
		firstStart int // first line of the first item
	}{
		{"a.yaml", yaml, []string{"Deployment//a", "Deployment//b"}, 10, 0, 4},
		{"a.json", json, []string{"ConfigMap//cm", "Pod//p"}, 5, 1, 3},
	}
	for _, tt := range tests {
		if !Looks([]byte(tt.src)) && !LooksJSON([]byte(tt.src)) {
			t.Errorf("%s does not look like a manifest", tt.name)
		}
		docs, err := Parse(tt.name, []byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.Identity)
		}
		if strings.Join(ids, " ") != strings.Join(tt.ids, " ") {
			t.Errorf("%s: resources %v", tt.name, ids)
			continue
		}
		if r := at(docs[tt.workload], "/podSpec/hostPID"); r.StartLine != tt.hostPID {
			t.Errorf("%s: hostPID at %+v", tt.name, r)
		}
		if docs[0].Range.StartLine != tt.firstStart {
			t.Errorf("%s: first item at %+v", tt.name, docs[0].Range)
		}
	}
}

// TestJSONStream: kubectl reads a stream of JSON values (the output of
// several `kubectl get -o json`), each a resource or a List: every value is
// located where it is, even one that starts on another's last line, and a
// broken value ends the stream with a syntax error there.
func TestJSONStream(t *testing.T) {
	src := "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a\"},\n" +
		" \"spec\": {\"hostPID\": true, \"containers\": [{\"name\": \"c\", \"image\": \"x\"}]}}\n" +
		"\n" +
		"{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n" +
		"    {\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"b\"}, \"spec\": {\"hostPID\": true, \"containers\": [{\"name\": \"c\", \"image\": \"x\"}]}}\n" +
		"  ]\n}{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"c\"}, \"spec\": {\"hostPID\": true, \"containers\": [{\"name\": \"c\", \"image\": \"x\"}]}}\n"
	docs, err := Parse("s.json", []byte(src))
	if err != nil || len(docs) != 3 {
		t.Fatalf("%v %d", err, len(docs))
	}
	for i, want := range []struct {
		id          string
		index       int64
		line, col   int // of hostPID
		first, last int // the resource's lines
	}{
		{"Pod//a", 0, 2, 11, 1, 2},
		{"Pod//b", 1, 8, 77, 8, 8},
		{"Pod//c", 2, 10, 74, 10, 10}, // after "}" on the List's last line
	} {
		d := docs[i]
		r := at(d, "/podSpec/hostPID")
		if d.Identity != want.id || d.Input["documentIndex"] != want.index || r.StartLine != want.line || r.StartColumn != want.col ||
			d.Range.StartLine != want.first || d.Range.EndLine != want.last {
			t.Errorf("resource %d: %s (index %v) hostPID at %+v, range %+v", i, d.Identity, d.Input["documentIndex"], r, d.Range)
		}
	}
	// A broken value ends the stream: the values before it are checked.
	docs, err = Parse("s.json", []byte(src+"{\"apiVersion\": \"v1\",\n \"kind\": Pod}\n{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}\n"))
	var se *document.SyntaxError
	if !errors.As(err, &se) || se.Line != 12 || se.Column != 10 || len(docs) != 3 {
		t.Errorf("%#v, %d resources", err, len(docs))
	}
}
