# METADATA
# title: Pod shares the host network namespace (hostNetwork)
# description: >-
#   With `hostNetwork: true` the pod sees the node's network interfaces: it can listen on node ports, sniff node traffic and reach services bound to localhost on the node, such as the kubelet read-only port or cloud metadata endpoints.
#   The Baseline Pod Security Standard forbids sharing host namespaces. High: it removes a
#   layer of isolation between the pod and the node.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodSpec
# custom:
#   id: KS005
#   severity: high
#   applies_to: [workload]
#   remediation: >-
#     Remove `hostNetwork: true` from the pod spec (the default is false). If the workload truly
#     needs it (a node agent), run it in a dedicated namespace whose policy allows it.
#   frameworks: {pss: baseline, cis-k8s: "5.2.4"}
#   aliases: [KSV009, AVD-KSV-0009, CKV_K8S_19, host-network, C-0041]
package shiplint.kubernetes.host_network

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, ["podSpec", "hostNetwork"], lib.fix_set("Set hostNetwork: false", ["podSpec", "hostNetwork"], false)) if {
	input.podSpec.hostNetwork == true
	msg := sprintf("%s sets hostNetwork: true", [k8s.resource])
}
