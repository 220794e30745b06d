# METADATA
# title: Seccomp profile is not set to RuntimeDefault or Localhost
# description: >-
#   Unless a seccomp profile is set, most nodes run containers Unconfined, with every system
#   call available to exploit the shared kernel. The Restricted Pod Security Standard requires
#   `seccompProfile.type` RuntimeDefault or Localhost at pod level or on every container (a
#   container's value overrides the pod's; Windows pods are exempt). The legacy
#   seccomp annotations are ignored by current Kubernetes and do not count. Medium. An explicit
#   Unconfined is reported by KS013.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# - https://kubernetes.io/docs/tutorials/security/seccomp/
# custom:
#   id: KS018
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Add `securityContext: {seccompProfile: {type: RuntimeDefault}}` to the pod spec (it
#     applies to every container), or a Localhost profile where a custom one is needed.
#   frameworks: {pss: restricted, cis-k8s: "5.7.2"}
#   aliases: [KSV030, AVD-KSV-0030, CKV_K8S_31]
package shiplint.kubernetes.seccomp_not_set

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, path, lib.fix_set("Set seccompProfile.type: RuntimeDefault", path, "RuntimeDefault")) if {
	not k8s.windows
	some i, c in input.containers
	path := ["containers", i, "securityContext", "seccompProfile", "type"]
	s := k8s.setting(i, c, "seccompProfile")
	object.get(s, ["value", "type"], null) == null
	msg := sprintf("%s has no seccomp profile (set seccompProfile.type RuntimeDefault or Localhost on the pod or the container)", [k8s.who(c)])
}
