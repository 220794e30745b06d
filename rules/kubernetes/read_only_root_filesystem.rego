# METADATA
# title: Container root filesystem is writable
# description: >-
#   Unless `readOnlyRootFilesystem` is true, an attacker who gets code execution can modify the
#   container's binaries and configuration, drop tools and persist across process restarts.
#   A read-only root filesystem with emptyDir mounts for the paths that must be writable
#   removes that option. Not part of Pod Security Standards (not enforceable for Windows
#   pods, which are skipped). Medium.
# related_resources:
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1
# custom:
#   id: KS020
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Set `securityContext.readOnlyRootFilesystem: true` on the container and mount an
#     `emptyDir` volume at each path the process writes to (for example /tmp).
#   aliases: [KSV014, AVD-KSV-0014, CKV_K8S_22, no-read-only-root-fs, C-0017]
package shiplint.kubernetes.read_only_root_filesystem

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "securityContext", "readOnlyRootFilesystem"]) if {
	not k8s.windows
	some i, c in input.containers
	v := object.get(k8s.sc(c), "readOnlyRootFilesystem", null)
	v != true
	msg := describe(c, v)
}

describe(c, null) := sprintf("%s does not set readOnlyRootFilesystem: true", [k8s.who(c)])

describe(c, v) := sprintf("%s sets readOnlyRootFilesystem: %v", [k8s.who(c), v]) if v != null
