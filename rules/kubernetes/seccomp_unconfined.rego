# METADATA
# title: Seccomp is explicitly disabled (Unconfined)
# description: >-
#   Seccomp filters the system calls a container may make; the runtime's default profile
#   blocks dozens of calls used in kernel exploits. An explicit `seccompProfile.type:
#   Unconfined` (pod or container level) or an `unconfined` value in the legacy seccomp
#   annotations turns that filter off. The Baseline Pod Security Standard forbids it. Medium:
#   it widens the kernel attack surface available to a compromised process.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/tutorials/security/seccomp/
# custom:
#   id: KS013
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Set `securityContext.seccompProfile.type: RuntimeDefault` (or `Localhost` with a
#     profile) in the pod spec instead of Unconfined, and remove the legacy
#     `seccomp.security.alpha.kubernetes.io` annotations.
#   frameworks: {pss: baseline}
#   aliases: [KSV104, AVD-KSV-0104]
package shiplint.kubernetes.seccomp_unconfined

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, ["podSpec", "securityContext", "seccompProfile", "type"], lib.fix_set("Set seccompProfile.type: RuntimeDefault", ["podSpec", "securityContext", "seccompProfile", "type"], "RuntimeDefault")) if {
	k8s.pod_sc.seccompProfile.type == "Unconfined"
	msg := sprintf("%s sets seccompProfile type Unconfined in the pod securityContext", [k8s.resource])
}

deny contains lib.finding_fix(msg, ["containers", i, "securityContext", "seccompProfile", "type"], lib.fix_set("Set seccompProfile.type: RuntimeDefault", ["containers", i, "securityContext", "seccompProfile", "type"], "RuntimeDefault")) if {
	some i, c in input.containers
	k8s.sc(c).seccompProfile.type == "Unconfined"
	msg := sprintf("%s sets seccompProfile type Unconfined", [k8s.who(c)])
}

deny contains lib.finding(msg, ["podMetadata", "annotations", key]) if {
	some key, v in input.podMetadata.annotations
	legacy_annotation(key)
	v == "unconfined"
	msg := sprintf("%s disables seccomp with annotation %s: unconfined", [k8s.resource, key])
}

legacy_annotation("seccomp.security.alpha.kubernetes.io/pod")

legacy_annotation(key) if startswith(key, "container.seccomp.security.alpha.kubernetes.io/")
