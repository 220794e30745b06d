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
#   remediation: >-
#     Set `securityContext.runAsNonRoot: true` in the pod spec (it applies to every container),
#     and give the image a numeric non-root USER or set `runAsUser` to a non-zero UID.
#   frameworks: {pss: restricted, cis-k8s: "5.2.6"}
#   aliases: [KSV012, AVD-KSV-0012, CKV_K8S_23, run-as-non-root, C-0013]
package shiplint.kubernetes.run_as_non_root

import data.shiplint.lib

# setting is the value Kubernetes applies and where it is written: the
# container's own value wins over the pod's. When neither sets it, the
# finding goes where the container's setting belongs.
setting(i, c) := {"value": v, "path": ["containers", i, "securityContext", "runAsNonRoot"], "where": "on the container"} if {
	v := c.securityContext.runAsNonRoot
	v != null
} else := {"value": v, "path": ["podSpec", "securityContext", "runAsNonRoot"], "where": "in the pod securityContext"} if {
	v := input.podSpec.securityContext.runAsNonRoot
	v != null
} else := {"value": null, "path": ["containers", i, "securityContext", "runAsNonRoot"], "where": ""}

deny contains lib.finding(msg, s.path) if {
	some i, c in input.containers
	s := setting(i, c)
	s.value != true
	msg := describe(c, s)
}

describe(c, s) := sprintf("%s %q of %s %q does not set runAsNonRoot: true", [c.containerType, c.name, input.resourceKind, input.name]) if {
	s.value == null
} else := sprintf("%s %q of %s %q has runAsNonRoot: %v %s; it must be true", [c.containerType, c.name, input.resourceKind, input.name, s.value, s.where])
