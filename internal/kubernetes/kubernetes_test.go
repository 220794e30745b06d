package kubernetes

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

func rng(sl, sc, el, ec int) document.Range {
	return document.Range{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
}

// podSpec returns a pod spec indented by ind with the three container kinds.
func podSpec(ind string) string {
	return ind + "hostNetwork: yes\n" +
		ind + "initContainers:\n" + ind + "  - name: init\n" +
		ind + "containers:\n" + ind + "  - name: app\n" + ind + "    image: nginx\n" + ind + "  - name: side\n" +
		ind + "ephemeralContainers:\n" + ind + "  - name: debug\n"
}

func TestWorkloadKinds(t *testing.T) {
	tmpl := "  template:\n    metadata:\n      labels: {app: x}\n    spec:\n" + podSpec("      ")
	tests := []struct {
		kind, body string
		specLine   int // line of the pod spec entry
		appLine    int // line of the first container
	}{
		{"Pod", "metadata:\n  name: p\n  labels: {app: x}\nspec:\n" + podSpec("  "), 8, 12},
		{"Deployment", "spec:\n" + tmpl, 9, 13},
		{"StatefulSet", "spec:\n" + tmpl, 9, 13},
		{"DaemonSet", "spec:\n" + tmpl, 9, 13},
		{"ReplicaSet", "spec:\n" + tmpl, 9, 13},
		{"ReplicationController", "spec:\n" + tmpl, 9, 13},
		{"Job", "spec:\n" + tmpl, 9, 13},
		{"CronJob", "spec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels: {app: x}\n        spec:\n" + podSpec("          "), 12, 16},
		{"PodTemplate", "template:\n  metadata:\n    labels: {app: x}\n  spec:\n" + podSpec("    "), 8, 12},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			src := "# leading\napiVersion: v1\nkind: " + tt.kind + "\n" + tt.body
			docs, err := Parse("k.yaml", []byte(src))
			if err != nil || len(docs) != 1 {
				t.Fatalf("%v %d", err, len(docs))
			}
			in := docs[0].Input
			if in["podSpec"].(map[string]any)["hostNetwork"] != true {
				t.Errorf("podSpec = %v", in["podSpec"])
			}
			if !reflect.DeepEqual(in["podMetadata"], map[string]any{"labels": map[string]any{"app": "x"}}) &&
				!reflect.DeepEqual(in["podMetadata"], map[string]any{"name": "p", "labels": map[string]any{"app": "x"}}) {
				t.Errorf("podMetadata = %v", in["podMetadata"])
			}
			var got []string
			for _, c := range in["containers"].([]any) {
				m := c.(map[string]any)
				got = append(got, m["name"].(string)+":"+m["containerType"].(string))
			}
			want := []string{"app:container", "side:container", "init:initContainer", "debug:ephemeralContainer"}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("containers %v", got)
			}
			d := docs[0]
			if at(d, "/podSpec").StartLine != tt.specLine-1 || at(d, "/podSpec/hostNetwork").StartLine != tt.specLine {
				t.Errorf("podSpec at %v, hostNetwork at %v", at(d, "/podSpec"), at(d, "/podSpec/hostNetwork"))
			}
			checks := map[string]int{
				"/containers/0": tt.appLine, "/containers/0/image": tt.appLine + 1, "/containers/0/containerType": tt.appLine,
				"/containers/1": tt.appLine + 2, "/containers/2": tt.appLine - 2, "/containers/3": tt.appLine + 4,
				"/resourceKind": 3, "/apiVersion": 2, "": 2,
			}
			for k, line := range checks {
				if at(d, k).StartLine != line {
					t.Errorf("%s at line %d, want %d", k, at(d, k).StartLine, line)
				}
			}
			if _, ok := in["resource"].(map[string]any)["spec"]; !ok && tt.kind != "PodTemplate" {
				t.Error("resource lost spec")
			}
		})
	}
}

func TestResources(t *testing.T) {
	src := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: prod\ndata:\n  a: b\n" +
		"---\n# a comment\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n" +
		"---\nnot: a resource\n" +
		"---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x.example.com}\n"
	docs, err := Parse("k.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.Identity)
	}
	if want := []string{"ConfigMap/prod/cfg", "Deployment//web", "CustomResourceDefinition//x.example.com"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids %v", ids)
	}
	cm, dep, crd := docs[0], docs[1], docs[2]
	for _, d := range []*document.Document{cm, crd} {
		for _, k := range []string{"podSpec", "podMetadata", "containers"} {
			if _, ok := d.Input[k]; ok {
				t.Errorf("%s has %s", d.Identity, k)
			}
		}
	}
	if cm.Input["namespace"] != "prod" || dep.Input["namespace"] != nil || dep.Input["name"] != "web" {
		t.Errorf("names: %v %v", cm.Input["namespace"], dep.Input["namespace"])
	}
	if dep.Input["documentIndex"] != int64(2) || dep.Input["kind"] != "kubernetes" || dep.Input["path"] != "k.yaml" {
		t.Errorf("input %v", dep.Input)
	}
	// The second resource's lines are absolute in the stream.
	want := map[string]document.Range{
		"":                        rng(11, 1, 16, 14),
		"/resource/spec/replicas": rng(16, 3, 16, 14),
		"/name":                   rng(14, 3, 14, 12),
		"/namespace":              rng(13, 1, 14, 12),
		"/podSpec":                rng(15, 1, 16, 14),
		"/podMetadata":            rng(15, 1, 16, 14),
	}
	for k, r := range want {
		if at(dep, k) != r {
			t.Errorf("%q = %+v, want %+v", k, at(dep, k), r)
		}
	}
	if dep.Range != want[""] {
		t.Errorf("range %+v", dep.Range)
	}
	if c := dep.Input["containers"].([]any); len(c) != 0 {
		t.Errorf("containers %v", c)
	}
}

func TestList(t *testing.T) {
	src := "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    containers:\n    - name: c\n      securityContext: {privileged: true}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n"
	docs, err := Parse("l.yaml", []byte(src))
	if err != nil || len(docs) != 2 {
		t.Fatalf("%v %d", err, len(docs))
	}
	pod := docs[0]
	if pod.Identity != "Pod//a" || docs[1].Identity != "Service//s" {
		t.Errorf("ids %s %s", pod.Identity, docs[1].Identity)
	}
	if r := at(pod, "/containers/0/securityContext/privileged"); r != rng(10, 25, 10, 41) {
		t.Errorf("privileged at %+v", r)
	}
	if pod.Range.StartLine != 4 || at(pod, "").StartLine != 4 || at(pod, "/resource").StartLine != 4 {
		t.Errorf("range %+v", pod.Range)
	}
}

func TestErrorKeepsEarlierResources(t *testing.T) {
	src := "apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nkind: Service\n"
	docs, err := Parse("e.yaml", []byte(src))
	var se *document.SyntaxError
	if !errors.As(err, &se) || se.Line != 6 || len(docs) != 1 {
		t.Fatalf("%v %d", err, len(docs))
	}
}

func TestAnchorAndBooleans(t *testing.T) {
	src := "apiVersion: v1\nkind: Pod\nspec:\n  hostPID: \"yes\"\n  hostNetwork: on\n  containers:\n  - &c\n    name: a\n  - *c\n"
	docs, err := Parse("a.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := docs[0].Input
	ps := in["podSpec"].(map[string]any)
	if ps["hostPID"] != "yes" || ps["hostNetwork"] != true {
		t.Errorf("%v", ps)
	}
	if r := at(docs[0], "/containers/1/name"); r != rng(9, 5, 9, 7) {
		t.Errorf("alias usage %+v", r)
	}
}

func TestLooks(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"apiVersion: v1\nkind: Pod\n", true},
		{"\ufeffapiVersion: v1\nkind: Pod\n", true},
		{"foo: 1\n---\nkind: Pod\napiVersion: v1\n", true},
		{"apiVersion: v1\n---\nkind: Pod\n", false},
		{"spec:\n  apiVersion: v1\n  kind: Pod\n", false},
		{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n", false},
		{"services:\n  web: {image: x}\n", false},
	}
	for _, tt := range tests {
		if got := Looks([]byte(tt.src)); got != tt.want {
			t.Errorf("Looks(%q) = %v", strings.ReplaceAll(tt.src, "\n", "|"), got)
		}
	}
}

// at is the exact range recorded for key, through mirrors.
func at(d *document.Document, key string) document.Range {
	r, _ := d.Lookup(key)
	return r
}
