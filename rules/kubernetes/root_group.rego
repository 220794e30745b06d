# METADATA
# title: Pod or container runs with the root group (GID 0)
# description: >-
#   `runAsGroup: 0`, `fsGroup: 0` or GID 0 in `supplementalGroups` gives the processes the
#   root group, which owns many files on the node and in images that are writable to root's
#   group only; combined with a host mount or an escape, it widens what the process can
#   touch. Low: the group alone grants no capability.
# related_resources:
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: KS066
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Use a non-zero GID for `runAsGroup`, `fsGroup` and `supplementalGroups` (for example
#     10001), matching the image's file ownership.
package shiplint.kubernetes.root_group

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "securityContext", "runAsGroup"]) if {
	some i, c in input.containers
	k8s.sc(c).runAsGroup == 0
	msg := sprintf("%s sets runAsGroup: 0 (root group)", [k8s.who(c)])
}

deny contains lib.finding(msg, ["podSpec", "securityContext", "runAsGroup"]) if {
	k8s.pod_sc.runAsGroup == 0
	heirs := k8s.inheriting("runAsGroup")
	count(heirs) > 0
	msg := sprintf("%s sets runAsGroup: 0 (root group) in the pod securityContext, inherited by %s", [k8s.resource, k8s.names(heirs)])
}

deny contains lib.finding(msg, ["podSpec", "securityContext", "fsGroup"]) if {
	k8s.pod_sc.fsGroup == 0
	msg := sprintf("%s sets fsGroup: 0 (root group)", [k8s.resource])
}

deny contains lib.finding(msg, ["podSpec", "securityContext", "supplementalGroups", k]) if {
	some k, g in k8s.pod_sc.supplementalGroups
	g == 0
	msg := sprintf("%s adds the root group (0) to supplementalGroups", [k8s.resource])
}
