# METADATA
# title: Volume mount uses Bidirectional mount propagation
# description: >-
#   With `mountPropagation: Bidirectional` mounts made inside the container propagate back to
#   the node and to every other pod using the same host directory, so a compromised container
#   can shadow host paths. Kubernetes allows it only for privileged containers. Medium.
# related_resources:
# - https://kubernetes.io/docs/concepts/storage/volumes/#mount-propagation
# custom:
#   id: KS067
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Use `HostToContainer` (or the default `None`) unless the container is a storage driver
#     that must publish mounts to the node.
package shiplint.kubernetes.bidirectional_mount_propagation

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "volumeMounts", k, "mountPropagation"]) if {
	some i, c in input.containers
	some k, m in c.volumeMounts
	m.mountPropagation == "Bidirectional"
	msg := sprintf("%s mounts volume %q with Bidirectional mount propagation", [k8s.who(c), m.name])
}
