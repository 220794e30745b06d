# METADATA
# title: Pod uses a volume type outside the Restricted set
# description: >-
#   The Restricted Pod Security Standard allows only volume types that carry no node or
#   network storage credentials of their own: configMap, csi, downwardAPI, emptyDir,
#   ephemeral, persistentVolumeClaim, projected and secret (plus image volumes, which mount
#   read-only OCI content). In-tree network and cloud volumes (nfs, iscsi, rbd, cephfs,
#   awsElasticBlockStore, gitRepo, ...) bypass the PersistentVolume claim workflow and its
#   access control. Medium. hostPath is reported by KS002 (Baseline), not here.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# - https://kubernetes.io/docs/concepts/storage/volumes/
# custom:
#   id: KS015
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Replace the volume with a persistentVolumeClaim bound to a PersistentVolume (or a CSI
#     driver), or with emptyDir/configMap/secret/projected for non-persistent data. gitRepo
#     is deprecated: clone in an init container into an emptyDir instead.
#   frameworks: {pss: restricted}
#   aliases: [KSV028, AVD-KSV-0028]
package shiplint.kubernetes.restricted_volume_types

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

allowed := {
	"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
	"projected", "secret", "image",
	"hostPath", # forbidden already by Baseline (KS002); not reported twice
}

deny contains lib.finding(msg, ["podSpec", "volumes", i, t]) if {
	some i, v in input.podSpec.volumes
	is_object(v)
	some t, _ in v
	t != "name"
	not t in allowed
	msg := sprintf("%s uses a %s volume (%q), which the Restricted standard does not allow", [k8s.resource, t, object.get(v, "name", "")])
}
