# METADATA
# title: Pod shares the host PID namespace (hostPID)
# description: >-
#   With `hostPID: true` the pod sees every process on the node: it can read their environment and command lines, and with ptrace or root enter their namespaces through /proc.
#   The Baseline Pod Security Standard forbids sharing host namespaces. High: it removes a
#   layer of isolation between the pod and the node.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodSpec
# custom:
#   id: KS006
#   severity: high
#   applies_to: [workload]
#   remediation: >-
#     Remove `hostPID: true` from the pod spec (the default is false). If the workload truly
#     needs it (a node agent), run it in a dedicated namespace whose policy allows it.
#   frameworks: {pss: baseline, cis-k8s: "5.2.2"}
#   aliases: [KSV010, AVD-KSV-0010, CKV_K8S_17, host-pid, C-0038]
package shiplint.kubernetes.host_pid

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, ["podSpec", "hostPID"], lib.fix_set("Set hostPID: false", ["podSpec", "hostPID"], false)) if {
	input.podSpec.hostPID == true
	msg := sprintf("%s sets hostPID: true", [k8s.resource])
}
