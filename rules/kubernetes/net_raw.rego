# METADATA
# title: Container keeps or adds CAP_NET_RAW
# description: >-
#   NET_RAW is in the runtimes' default capability set; it lets a process craft raw packets,
#   which enables ARP and DNS spoofing against other pods on the node network. Containers
#   should drop it (or ALL) unless they really send raw packets. Low. Windows pods are skipped.
# related_resources:
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
# - https://man7.org/linux/man-pages/man7/capabilities.7.html
# custom:
#   id: KS025
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Add `NET_RAW` (or better `ALL`) to `securityContext.capabilities.drop`, and do not add it
#     back; ping works without it through net.ipv4.ping_group_range.
#   frameworks: {cis-k8s: "5.2.7"}
#   aliases: [CKV_K8S_28, drop-net-raw-capability]
package shiplint.kubernetes.net_raw

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

adds_net_raw(c) := j if {
	some [j, name] in k8s.added(c)
	name in {"NET_RAW", "ALL"}
}

deny contains lib.finding_fix(msg, ["containers", i, "securityContext", "capabilities", "drop"], lib.fix_add("Drop NET_RAW", ["containers", i, "securityContext", "capabilities", "drop"], "NET_RAW")) if {
	not k8s.windows
	some i, c in input.containers
	not k8s.drops(c, "NET_RAW")
	not adds_net_raw(c)
	msg := sprintf("%s does not drop NET_RAW (or ALL)", [k8s.who(c)])
}

deny contains lib.finding(msg, ["containers", i, "securityContext", "capabilities", "add", j]) if {
	not k8s.windows
	some i, c in input.containers
	some [j, name] in k8s.added(c)
	name in {"NET_RAW", "ALL"}
	msg := sprintf("%s adds capability %s, granting NET_RAW", [k8s.who(c), name])
}
