# METADATA
# title: Container adds CAP_SYS_ADMIN
# description: >-
#   SYS_ADMIN is the catch-all capability: mount file systems, use bpf, change namespaces,
#   and with it most documented container escapes work (cgroup release_agent, mounting the
#   host disk). Adding it (or ALL) makes the container nearly privileged. High.
# related_resources:
# - https://man7.org/linux/man-pages/man7/capabilities.7.html
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
# custom:
#   id: KS024
#   severity: high
#   applies_to: [workload]
#   remediation: >-
#     Remove SYS_ADMIN (and ALL) from `securityContext.capabilities.add`; use a FUSE device
#     plugin, a CSI driver or a dedicated privileged component for the operation it was added for.
#   aliases: [KSV005, AVD-KSV-0005, CKV_K8S_39]
package shiplint.kubernetes.sys_admin

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "securityContext", "capabilities", "add", j]) if {
	some i, c in input.containers
	some [j, name] in k8s.added(c)
	name in {"SYS_ADMIN", "ALL"}
	msg := sprintf("%s adds capability %s, granting SYS_ADMIN", [k8s.who(c), name])
}
