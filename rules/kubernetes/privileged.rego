# METADATA
# title: Container runs privileged
# description: >-
#   A privileged container has every capability and every host device, and runs without
#   seccomp or AppArmor confinement: root inside it is root on the node. Pod Security
#   Standards forbid it from the Baseline level up. Critical, because isolation is gone.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: KS001
#   severity: critical
#   applies_to: [workload]
#   remediation: >-
#     Remove `securityContext.privileged: true` (or set it to false). Add only the capability
#     the container needs under `securityContext.capabilities.add`.
#   frameworks: {pss: baseline, cis-k8s: "5.2.1"}
#   aliases: [KSV017, AVD-KSV-0017, CKV_K8S_16, privileged-container, C-0057]
package shiplint.kubernetes.privileged

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, path, lib.fix_set("Set privileged: false", path, false)) if {
	some i, c in input.containers
	path := ["containers", i, "securityContext", "privileged"]
	c.securityContext.privileged == true
	msg := sprintf("%s runs privileged", [k8s.who(c)])
}
