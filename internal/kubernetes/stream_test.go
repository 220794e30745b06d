package kubernetes

import (
	"errors"
	"reflect"
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
