package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/finding"
)

const relatedDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker}
    spec:
      serviceAccountName: worker
      containers:
        - name: worker
          image: example/worker:1.0
`

const relatedAccount = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: worker\nautomountServiceAccountToken: false\n"

// Rules that read other resources see the other files of the same
// directory (KS026 is quiet: the ServiceAccount opts out), not those of
// another directory.
func TestRelatedAcrossFiles(t *testing.T) {
	fs := renderScan(t, project(t, map[string]string{
		"app/sa.yaml":       relatedAccount,
		"app/deploy.yaml":   relatedDeployment,
		"other/deploy.yaml": relatedDeployment,
	}), 1)
	wantAt(t, fs, "KS026", "other/deploy.yaml", 11)
}

// The same through a chart: its ServiceAccount template opts out.
func TestRelatedInChart(t *testing.T) {
	fs := renderScan(t, project(t, map[string]string{
		"chart/Chart.yaml":                "apiVersion: v2\nname: chart\nversion: 0.1.0\n",
		"chart/values.yaml":               "automount: false\n",
		"chart/templates/sa.yaml":         "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: worker\nautomountServiceAccountToken: {{ .Values.automount }}\n",
		"chart/templates/deployment.yaml": relatedDeployment,
		"chart/templates/job.yaml":        strings.Replace(strings.Replace(relatedDeployment, "kind: Deployment", "kind: StatefulSet", 1), "name: worker\nspec", "name: batch\nspec", 1),
	}), 1)
	if got := only(fs, "KS026"); len(got) != 0 {
		t.Errorf("KS026 reported though the chart's ServiceAccount opts out: %+v", got)
	}
	// Two workloads of the chart share the account: each is reported.
	got := only(fs, "KS082")
	if len(got) != 2 || got[0].Path != "chart/templates/deployment.yaml" || got[0].Range.StartLine != 12 ||
		!strings.HasSuffix(got[0].Message, `shared with StatefulSet "batch"`) || got[1].Path != "chart/templates/job.yaml" {
		t.Errorf("KS082: %+v", got)
	}
}

// A suppression of a rule that reads other resources silences it, and is
// not reported as stale.
func TestRelatedSuppression(t *testing.T) {
	dep := strings.Replace(relatedDeployment, "serviceAccountName: worker", "serviceAccountName: worker # shiplint ignore=KS082 -- one account for the pair, reviewed", 1)
	second := strings.Replace(relatedDeployment, "name: worker\nspec", "name: second\nspec", 1)
	fs := renderScan(t, project(t, map[string]string{"app/a.yaml": dep, "app/b.yaml": second}), 1)
	for _, f := range fs {
		if f.RuleID == "stale-suppression" {
			t.Errorf("stale-suppression: %s:%d %s", f.Path, f.Range.StartLine, f.Message)
		}
	}
	got := only(fs, "KS082")
	if len(got) != 2 || got[0].Path != "app/a.yaml" || got[0].Suppressed == nil || got[1].Path != "app/b.yaml" || got[1].Suppressed != nil {
		t.Fatalf("KS082: %+v", got)
	}
}

// A user policy can read other resources too (custom.related).
func TestRelatedUserPolicy(t *testing.T) {
	dir := project(t, map[string]string{
		"policy/configmap_missing.rego": `# METADATA
# title: Workload reads a ConfigMap the repository does not define
# custom:
#   id: ORG100
#   severity: medium
#   applies_to: [workload]
#   related: [ConfigMap]
package shiplint.kubernetes.configmap_missing

import data.shiplint.lib

deny contains lib.finding(msg, ["containers", i, "envFrom", j]) if {
	some i, c in input.containers
	some j, e in c.envFrom
	name := e.configMapRef.name
	not defined(name)
	msg := sprintf("ConfigMap %q is not defined next to %s", [name, input.name])
}

defined(name) if {
	some r in input.related.resources
	r.kind == "ConfigMap"
	r.name == name
}
`,
		"app/cm.yaml":     "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {a: b}\n",
		"app/deploy.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      envFrom:\n        - configMapRef: {name: settings}\n        - configMapRef: {name: missing}\n",
	})
	fs := renderScan(t, filepath.Join(dir, "app"), 1, "--policy", filepath.Join(dir, "policy"))
	f := wantAt(t, fs, "ORG100", "deploy.yaml", 11)
	if f.Message != `ConfigMap "missing" is not defined next to p` {
		t.Errorf("message: %s", f.Message)
	}
}

// Past 5,000 resources in one group, related rules are not evaluated there,
// and a notification says so (the other rules still run).
func TestRelatedGroupBudget(t *testing.T) {
	var b strings.Builder
	for i := range 5001 {
		b.WriteString("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa" + itoa(i) + "\n---\n")
	}
	b.WriteString(relatedDeployment)
	dir := project(t, map[string]string{"app/all.yaml": b.String()})
	o := shiplint(t, "", "scan", "-f", "json", dir)
	var res finding.Result
	if err := json.Unmarshal([]byte(o.stdout), &res); err != nil {
		t.Fatalf("%v\n%s", err, o.stderr)
	}
	if len(only(res.Findings, "KS026")) != 0 || len(only(res.Findings, "KS003")) != 1 {
		t.Errorf("KS026 %d (want 0: not evaluated), KS003 %d (want 1)", len(only(res.Findings, "KS026")), len(only(res.Findings, "KS003")))
	}
	if len(res.Notifications) != 1 || !strings.Contains(res.Notifications[0].Message, "holds more than 5000 resources that rules about other resources read") {
		t.Errorf("notifications: %+v", res.Notifications)
	}
}
