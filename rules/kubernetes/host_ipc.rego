# METADATA
# title: Pod shares the host IPC namespace (hostIPC)
# description: >-
#   With `hostIPC: true` the pod sees the node's System V IPC objects and POSIX shared memory, so it can read and write memory shared by processes outside the pod.
#   The Baseline Pod Security Standard forbids sharing host namespaces. High: it removes a
#   layer of isolation between the pod and the node.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodSpec
# custom:
#   id: KS007
#   severity: high
#   applies_to: [workload]
#   remediation: >-
#     Remove `hostIPC: true` from the pod spec (the default is false). If the workload truly
#     needs it (a node agent), run it in a dedicated namespace whose policy allows it.
#   frameworks: {pss: baseline, cis-k8s: "5.2.3"}
#   aliases: [KSV008, AVD-KSV-0008, CKV_K8S_18, host-ipc, C-0038]
package shiplint.kubernetes.host_ipc

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, ["podSpec", "hostIPC"], lib.fix_set("Set hostIPC: false", ["podSpec", "hostIPC"], false)) if {
	input.podSpec.hostIPC == true
	msg := sprintf("%s sets hostIPC: true", [k8s.resource])
}
