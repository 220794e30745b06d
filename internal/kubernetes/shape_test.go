package kubernetes

import (
	"testing"
)

// TestPodTemplateByShape proves that kinds the parser does not know get a
// pod spec when one sits at a pod template's place, with every container
// located at its own line, and that look-alikes (schemas, Argo CD
// templates, operators' templates whose containers name no image) do not.
func TestPodTemplateByShape(t *testing.T) {
	tests := []struct {
		name, src string
		podSpec   int // line of the pod spec's first key; 0: no pod spec
		container int // line of the first container
	}{
		{"knative service", `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: hello
spec:
  template:
    metadata:
      annotations: {autoscaling.knative.dev/min-scale: "1"}
    spec:
      containerConcurrency: 10
      containers:
        - image: ghcr.io/knative/helloworld-go:latest
          securityContext: {privileged: true}
`, 10, 12},
		{"knative configuration", `apiVersion: serving.knative.dev/v1
kind: Configuration
metadata: {name: cfg}
spec:
  template:
    spec:
      containers:
      - image: example/app:1.0
`, 7, 8},
		{"knative revision", `apiVersion: serving.knative.dev/v1
kind: Revision
metadata: {name: rev}
spec:
  containerConcurrency: 0
  containers:
  - image: example/app:1.0
    name: user-container
`, 5, 7},
		{"argo rollout", `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: ro}
spec:
  replicas: 2
  strategy:
    canary: {steps: [{setWeight: 20}]}
  template:
    metadata:
      labels: {app: ro}
    spec:
      hostPID: true
      containers:
      - name: app
        image: example/app:1.0
`, 12, 15},
		{"custom job runner", `apiVersion: example.com/v1
kind: MyJobRunner
metadata: {name: nightly}
spec:
  schedule: "0 1 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - {name: run, image: example/job:2}
`, 10, 12},
		{"top-level template", `apiVersion: example.com/v1
kind: PodPreset
metadata: {name: t}
template:
  spec:
    containers:
    - name: a
      image: x:1
`, 6, 8},
		{"flow style", `apiVersion: apps.kruise.io/v1alpha1
kind: CloneSet
metadata: {name: c}
spec: {template: {spec: {containers: [{name: a, image: "x:1"}]}}}
`, 4, 4},
		{"rollout with workloadRef", `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: ro}
spec:
  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
`, 0, 0},
		{"core service", `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  selector: {app: x}
  ports: [{port: 80}]
`, 0, 0},
		{"argo cd applicationset", `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: apps}
spec:
  template:
    metadata: {name: '{{path.basename}}'}
    spec:
      project: default
      source: {repoURL: https://example.com/repo.git, path: '{{path}}'}
      destination: {server: https://kubernetes.default.svc}
`, 0, 0},
		{"schema in a namespaced resource", `apiVersion: example.com/v1
kind: Schema
metadata: {name: s}
spec:
  template:
    spec:
      containers:
        type: array
        items: {type: object}
`, 0, 0},
		{"containers as strings", `apiVersion: example.com/v1
kind: Thing
metadata: {name: s}
spec:
  containers: [app, sidecar]
`, 0, 0},
		{"operator patches by name", `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: k8s}
spec:
  containers:
  - name: config-reloader
    resources: {limits: {cpu: 100m}}
`, 0, 0},
		{"operator template by name", `apiVersion: postgresql.cnpg.io/v1
kind: Pooler
metadata: {name: pooler}
spec:
  template:
    spec:
      containers:
      - name: pgbouncer
        resources: {limits: {cpu: 250m}}
`, 0, 0},
		{"empty containers", `apiVersion: example.com/v1
kind: Thing
metadata: {name: s}
spec:
  template:
    spec:
      containers: []
`, 0, 0},
		{"helm release values", `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: r}
spec:
  values:
    template:
      spec:
        containers: [{name: a, image: x}]
`, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse("s.yaml", []byte(tt.src))
			if err != nil || len(docs) != 1 {
				t.Fatalf("%v %d", err, len(docs))
			}
			d := docs[0]
			ps, ok := d.Input["podSpec"].(map[string]any)
			if tt.podSpec == 0 {
				if ok {
					t.Fatalf("pod spec %v", ps)
				}
				if _, ok := d.Input["containers"]; ok {
					t.Fatal("containers without a pod spec")
				}
				return
			}
			if !ok {
				t.Fatal("no pod spec")
			}
			cs := d.Input["containers"].([]any)
			if len(cs) == 0 || cs[0].(map[string]any)["containerType"] != "container" {
				t.Fatalf("containers %v", cs)
			}
			var first string
			for k := range ps {
				if r := at(d, "/podSpec/"+k); first == "" || r.StartLine < at(d, "/podSpec/"+first).StartLine {
					first = k
				}
			}
			if l := at(d, "/podSpec/"+first).StartLine; l != tt.podSpec {
				t.Errorf("pod spec's first key %s at line %d, want %d", first, l, tt.podSpec)
			}
			if l := at(d, "/containers/0/image").StartLine; l != tt.container {
				t.Errorf("first container's image at line %d, want %d", l, tt.container)
			}
			if l := at(d, "/resource/kind").StartLine; l != 2 {
				t.Errorf("kind at line %d", l)
			}
		})
	}
}

// TestShapeLeavesClusterScopedKinds: a CustomResourceDefinition's schema
// never makes it a workload, whatever it holds.
func TestShapeLeavesClusterScopedKinds(t *testing.T) {
	src := `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: x.example.com}
spec:
  template:
    spec:
      containers: [{name: a, image: x}]
`
	docs, err := Parse("c.yaml", []byte(src))
	if err != nil || len(docs) != 1 {
		t.Fatalf("%v %d", err, len(docs))
	}
	if _, ok := docs[0].Input["podSpec"]; ok {
		t.Error("a CRD has a pod spec")
	}
}
