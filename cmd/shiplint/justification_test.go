package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

// Another tool's suppression that carries a reason (hadolint's trailing
// "# ...", Checkov's ":reason" or "ID=reason" annotation value,
// kube-linter's annotation value) gives that reason as the justification;
// one without gives none. Text, JSON and SARIF show it.
func TestPeerSuppressionJustifications(t *testing.T) {
	pod := func(name, annotation string) string {
		return fmt.Sprintf(`apiVersion: v1
kind: Pod
metadata:
  name: %s
  annotations:
    %s
spec:
  containers:
    - name: c
      image: nginx:1.25
      securityContext:
        privileged: true
`, name, annotation)
	}
	dir := project(t, map[string]string{
		".shiplint.yaml":          "only: [DF001, KS001]\n",
		"hadolint/Dockerfile":     "FROM alpine:3.20\n# hadolint ignore=DL3002 # CI image, apk needs root\nUSER root\n",
		"hadolint-no/Dockerfile":  "FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n",
		"checkov/Dockerfile":      "# checkov:skip=CKV_DOCKER_3: build stage only, never run\nFROM alpine:3.20\n",
		"checkov-no/Dockerfile":   "# checkov:skip=CKV_DOCKER_3\nFROM alpine:3.20\n",
		"trivy/Dockerfile":        "FROM alpine:3.20\n# trivy:ignore:AVD-DS-0002\nUSER root\n",
		"kics/Dockerfile":         "FROM alpine:3.20\n# kics-scan ignore-line\nUSER root\n",
		"k8s/kube-linter.yaml":    pod("a", `ignore-check.kube-linter.io/privileged-container: "needs /dev/kvm, reviewed"`),
		"k8s/kube-linter-no.yaml": pod("b", `ignore-check.kube-linter.io/privileged-container: ""`),
		"k8s/checkov.yaml":        pod("c", `checkov.io/skip1: CKV_K8S_16=node agent, host access by design`),
		"k8s/checkov-no.yaml":     pod("d", `checkov.io/skip2: CKV_K8S_16`),
		"k8s/comment.yaml":        pod("e", `x: y`) + "        # checkov:skip=CKV_K8S_16:in-pod comment\n",
	})
	o := shiplint(t, "", "scan", "-f", "json", dir)
	if o.code != 0 {
		t.Fatalf("exit %d (every finding is suppressed): %s%s", o.code, o.stdout, o.stderr)
	}
	var res struct {
		Findings []struct {
			RuleID     string `json:"ruleId"`
			Path       string `json:"path"`
			Suppressed *struct {
				Source        string `json:"source"`
				Justification string `json:"justification"`
				Line          int    `json:"line"`
			} `json:"suppressed"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(o.stdout), &res); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Suppressed == nil {
			t.Errorf("%s %s not suppressed", f.Path, f.RuleID)
			continue
		}
		got = append(got, fmt.Sprintf("%s %s %s:%d %q", f.Path[len(dir)+1:], f.RuleID, f.Suppressed.Source, f.Suppressed.Line, f.Suppressed.Justification))
	}
	want := []string{
		`checkov-no/Dockerfile DF001 checkov:1 ""`,
		`checkov/Dockerfile DF001 checkov:1 "build stage only, never run"`,
		`hadolint-no/Dockerfile DF001 hadolint:2 ""`,
		`hadolint/Dockerfile DF001 hadolint:2 "CI image, apk needs root"`,
		`k8s/checkov-no.yaml KS001 checkov:6 ""`,
		`k8s/checkov.yaml KS001 checkov:6 "node agent, host access by design"`,
		`k8s/comment.yaml KS001 checkov:13 "in-pod comment"`,
		`k8s/kube-linter-no.yaml KS001 kube-linter:6 ""`,
		`k8s/kube-linter.yaml KS001 kube-linter:6 "needs /dev/kvm, reviewed"`,
		`kics/Dockerfile DF001 kics:2 ""`,
		`trivy/Dockerfile DF001 trivy:2 ""`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("suppressions:\n%q\nwant:\n%q", got, want)
	}
	// SARIF: "source: reason", or the source alone.
	o = shiplint(t, "", "scan", "-f", "sarif", dir+"/k8s/checkov.yaml", dir+"/k8s/checkov-no.yaml")
	var log struct {
		Runs []struct {
			Results []struct {
				Suppressions []struct{ Justification string } `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(o.stdout), &log); err != nil {
		t.Fatal(err)
	}
	var just []string
	for _, r := range log.Runs[0].Results {
		for _, s := range r.Suppressions {
			just = append(just, s.Justification)
		}
	}
	if w := []string{"checkov", "checkov: node agent, host access by design"}; !slices.Equal(just, w) {
		t.Errorf("SARIF justifications %q, want %q", just, w)
	}
	// Text (--show-suppressed) names the source and the reason.
	o = shiplint(t, "", "scan", "-q", "--show-suppressed", "--config", dir+"/.shiplint.yaml", dir+"/hadolint/Dockerfile")
	if w := dir + `/hadolint/Dockerfile:3: high DF001 The last USER of the final stage is "root", so the container runs as root; switch to a non-root user at the end [suppressed by hadolint: CI image, apk needs root]
      3 | USER root
`; o.stdout != w {
		t.Errorf("text:\n%s\nwant:\n%s", o.stdout, w)
	}
}
