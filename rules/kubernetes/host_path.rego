# METADATA
# title: Pod or PersistentVolume uses a hostPath volume
# description: >-
#   A hostPath volume exposes a directory of the node to the pod. Depending on the path it
#   reveals other pods' data and credentials, the kubelet's files, or lets the pod write where
#   the node executes code; it also pins the pod to the node's layout. Pod Security Standards
#   forbid hostPath volumes from the Baseline level up. High. A PersistentVolume of type
#   hostPath is the same directory handed to whichever pod claims the volume, past any
#   policy on the pod's own volumes: it is reported too (at the PersistentVolume).
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
# custom:
#   id: KS002
#   severity: high
#   applies_to: [workload, PersistentVolume]
#   remediation: >-
#     Use a volume type that does not reach into the node: emptyDir for scratch space,
#     a PersistentVolumeClaim for data, configMap/secret/projected for configuration. If node
#     access is truly needed, mount the narrowest path with `readOnly: true` and run the pod
#     in a namespace whose policy allows it. For a PersistentVolume, use a storage class
#     with a CSI driver, or a `local` volume on a dedicated disk with node affinity.
#   frameworks: {pss: baseline}
#   aliases: [KSV023, AVD-KSV-0023, C-0048]
package shiplint.kubernetes.host_path

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["podSpec", "volumes", i, "hostPath"]) if {
	some i, v in input.podSpec.volumes
	is_object(v.hostPath)
	msg := sprintf("%s mounts hostPath %v from the node (volume %v)", [k8s.resource, quoted(object.get(v.hostPath, "path", "")), quoted(object.get(v, "name", ""))])
}

deny contains lib.finding(msg, ["resource", "spec", "hostPath"]) if {
	[hp, _] := k8s.pv_host_path
	msg := sprintf("%s uses hostPath %q from the node: any pod that claims it mounts that directory", [k8s.resource, hp.path])
}

quoted(x) := sprintf("%q", [x]) if is_string(x)

else := sprintf("%v", [x])
