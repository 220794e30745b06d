# METADATA
# title: Container mounts a hostPath volume writable
# description: >-
#   A hostPath volume mounted without `readOnly: true` lets the container write to the node's
#   file system: plant binaries or cron jobs, change kubelet or runtime configuration, or
#   fill the node's disk. Medium: mounting read-only keeps most hostPath uses (log and metric
#   collection) working without that power.
# related_resources:
# - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
# - https://docs.kubelinter.io/#/generated/checks?id=writable-host-mount
# custom:
#   id: KS065
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Set `readOnly: true` on the volumeMount of the hostPath volume, or replace the volume with
#     an emptyDir or PersistentVolumeClaim if the data does not have to live on the node.
#   aliases: [writable-host-mount, C-0045]
package shiplint.kubernetes.writable_host_path

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

host_volume_names := {v.name | some [_, v, _] in k8s.host_volumes}

deny contains lib.finding(msg, ["containers", i, "volumeMounts", k, "readOnly"]) if {
	some i, c in input.containers
	some k, m in c.volumeMounts
	m.name in host_volume_names
	object.get(m, "readOnly", false) != true
	msg := sprintf("%s mounts hostPath volume %q writable at %v", [k8s.who(c), m.name, object.get(m, "mountPath", "")])
}
