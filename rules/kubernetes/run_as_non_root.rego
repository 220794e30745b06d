# METADATA
# title: Container may run as root (runAsNonRoot is not true)
# description: >-
#   Without `runAsNonRoot: true` the kubelet starts the container as whatever user its image
#   names, which is root for most images, so a compromise of the process is a compromise of
#   root in the container and the first step of an escape. The Restricted Pod Security
#   Standard requires it to be true, at pod level or on every container, and a container-level
#   value overrides the pod's. Medium: the image may still run as non-root, but nothing
#   enforces it.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: KS003
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Set `securityContext.runAsNonRoot: true` in the pod spec (it applies to every container),
#     and give the image a numeric non-root USER or set `runAsUser` to a non-zero UID.
#   frameworks: {pss: restricted, cis-k8s: "5.2.6"}
#   aliases: [KSV012, AVD-KSV-0012, CKV_K8S_23, run-as-non-root, C-0013]
package shiplint.kubernetes.run_as_non_root

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# Unset everywhere, or set to something other than true on the container.
deny contains lib.finding_fix(msg, s.path, lib.fix_set("Set runAsNonRoot: true", s.path, true)) if {
	some i, c in input.containers
	s := k8s.setting(i, c, "runAsNonRoot")
	not s.pod
	s.value != true
	msg := describe(c, s)
}

# Set to false at pod level: reported once there, for the containers that inherit it.
deny contains lib.finding_fix(msg, ["podSpec", "securityContext", "runAsNonRoot"], lib.fix_set("Set runAsNonRoot: true", ["podSpec", "securityContext", "runAsNonRoot"], true)) if {
	v := k8s.pod_sc.runAsNonRoot
	v != null
	v != true
	heirs := k8s.inheriting("runAsNonRoot")
	count(heirs) > 0
	msg := sprintf("%s has runAsNonRoot: %v in the pod securityContext, inherited by %s; it must be true", [k8s.resource, v, k8s.names(heirs)])
}

describe(c, s) := sprintf("%s does not set runAsNonRoot: true", [k8s.who(c)]) if {
	s.value == null
} else := sprintf("%s has runAsNonRoot: %v on the container; it must be true", [k8s.who(c), s.value])
