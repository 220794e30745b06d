package kubernetes

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

// brokenStream is a Service, a document broken at line 9, and a privileged
// Pod from line 12.
const brokenStream = `apiVersion: v1
kind: Service
metadata: {name: web}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
   labels: {a: b}
---
# the Pod after the error
apiVersion: v1
kind: Pod
metadata: {name: root}
spec:
  containers:
  - name: c
    image: x:1
    securityContext: {privileged: true}
`

// A broken document is reported at its line; the resources after it are
// still returned, at their own lines.
func TestParseAfterBrokenDocument(t *testing.T) {
	docs, err := Parse("s.yaml", []byte(brokenStream))
	var se *document.SyntaxError
	want := document.SyntaxError{Path: "s.yaml", Line: 9, Msg: "mapping values are not allowed in this context"}
	if !errors.As(err, &se) || *se != want {
		t.Fatalf("err = %#v, want %#v", err, want)
	}
	type got struct {
		identity   string
		start, end int
		index      any
	}
	var all []got
	for _, d := range docs {
		all = append(all, got{d.Identity, d.Range.StartLine, d.Range.EndLine, d.Input["documentIndex"]})
	}
	wantDocs := []got{{"Service//web", 1, 3, int64(0)}, {"Pod//root", 12, 19, int64(2)}}
	if !reflect.DeepEqual(all, wantDocs) {
		t.Fatalf("documents %+v, want %+v", all, wantDocs)
	}
	if r, ok := docs[1].Lookup("/containers/0/securityContext/privileged"); !ok || r.StartLine != 19 {
		t.Errorf("privileged at %+v (%v), want line 19", r, ok)
	}
}

// Past 10,000 resources (a List's items count one by one) the rest of the
// file is not checked; past 10,000 containers they are not lifted.
func TestResourceBudgets(t *testing.T) {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: List\nitems:\n")
	for i := range 10002 {
		fmt.Fprintf(&b, "- {apiVersion: v1, kind: ConfigMap, metadata: {name: c%d}}\n", i) // item i on line 4+i
	}
	docs, err := Parse("l.yaml", []byte(b.String()))
	want := document.SyntaxError{Path: "l.yaml", Line: 10004, Msg: "the file has more than 10000 resources; this one and those after it are not checked"}
	var se *document.SyntaxError
	if !errors.As(err, &se) || *se != want || len(docs) != 10000 {
		t.Errorf("err = %#v, %d documents", err, len(docs))
	}

	b.Reset()
	b.WriteString("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n")
	for i := range 1001 {
		fmt.Fprintf(&b, "  - {name: c%d, image: x}\n", i) // container i on line 6+i
	}
	docs, err = Parse("p.yaml", []byte(b.String()))
	want = document.SyntaxError{Path: "p.yaml", Line: 1006, Msg: "this resource has more than 1000 containers; from this one on they are not checked"}
	if !errors.As(err, &se) || *se != want || len(docs) != 1 {
		t.Fatalf("err = %#v, %d documents", err, len(docs))
	}
	in := docs[0].Input
	lifted := len(in["containers"].([]any))
	inSpec := len(in["podSpec"].(map[string]any)["containers"].([]any))
	inResource := len(in["resource"].(map[string]any)["spec"].(map[string]any)["containers"].([]any))
	if lifted != 1000 || inSpec != 1000 || inResource != 1000 {
		t.Errorf("containers: %d lifted, %d in podSpec, %d in resource", lifted, inSpec, inResource)
	}

	// 11 Deployments of 1,000 containers each, one per document.
	b.Reset()
	for d := range 11 {
		fmt.Fprintf(&b, "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d%d}\nspec:\n  template:\n    spec:\n      containers:\n", d)
		for i := range 1000 {
			fmt.Fprintf(&b, "      - {name: c%d, image: x}\n", i)
		}
	}
	docs, err = Parse("d.yaml", []byte(b.String()))
	line := 10*1008 + 9 // the first container of the 11th Deployment
	want = document.SyntaxError{Path: "d.yaml", Line: line, Msg: "the file has more than 10000 containers; from this one on they are not checked"}
	if !errors.As(err, &se) || *se != want || len(docs) != 11 || len(docs[10].Input["containers"].([]any)) != 0 {
		t.Fatalf("err = %#v, %d documents", err, len(docs))
	}
}
