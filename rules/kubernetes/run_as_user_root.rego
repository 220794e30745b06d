# METADATA
# title: Container runs as UID 0 (runAsUser is 0)
# description: >-
#   `runAsUser: 0` starts the container's processes as root whatever the image says, and it
#   defeats `runAsNonRoot`. The Restricted Pod Security Standard forbids UID 0 at pod and
#   container level; a container's own runAsUser overrides the pod's. Medium: root in the
#   container is one kernel or runtime bug away from root on the node.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: KS017
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Set `runAsUser` to a non-zero UID (for example 10001) that owns what the process needs,
#     or remove it and set `runAsNonRoot: true` with an image whose USER is numeric and non-root.
#   frameworks: {pss: restricted}
#   aliases: [KSV105, AVD-KSV-0105]
package shiplint.kubernetes.run_as_user_root

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "securityContext", "runAsUser"]) if {
	some i, c in input.containers
	k8s.sc(c).runAsUser == 0
	msg := sprintf("%s sets runAsUser: 0 (root)", [k8s.who(c)])
}

deny contains lib.finding(msg, ["podSpec", "securityContext", "runAsUser"]) if {
	k8s.pod_sc.runAsUser == 0
	heirs := k8s.inheriting("runAsUser")
	count(heirs) > 0
	msg := sprintf("%s sets runAsUser: 0 (root) in the pod securityContext, inherited by %s", [k8s.resource, k8s.names(heirs)])
}
