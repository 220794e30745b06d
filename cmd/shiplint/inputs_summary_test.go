package main

import (
	"encoding/json"
	"maps"
	"testing"

	"github.com/shiplint/shiplint/internal/finding"
)

// The summary counts documents in the forms older versions skipped: a
// legacy Compose file, a pod template found by shape in a custom resource.
func TestSummaryInputs(t *testing.T) {
	dir := project(t, map[string]string{
		"docker-compose.yml": "web:\n  image: nginx:1.27\n  privileged: true\n  net: host\n",
		"rollout.yaml": `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
`,
		"plain.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
	})
	o := shiplint(t, "", "scan", "-f", "json", dir)
	var res finding.Result
	if err := json.Unmarshal([]byte(o.stdout), &res); err != nil {
		t.Fatalf("%v\n%s", err, o.stderr)
	}
	want := map[string]int{"compose-legacy": 1, "pod-template-by-shape": 1}
	if !maps.Equal(res.Summary.Inputs, want) {
		t.Errorf("inputs %v, want %v", res.Summary.Inputs, want)
	}
}
