# METADATA
# title: Role can create PersistentVolumes
# description: >-
#   A PersistentVolume can be of any type, `hostPath` and `local` included, and Pod Security
#   Admission checks the pod's volumes, not the PersistentVolumes its claims bind to: whoever
#   may create PersistentVolumes can hand a pod that uses a matching claim (their own, or a
#   workload's pending claim, through `claimRef`) any directory of the node, such as `/` or the
#   container runtime's socket. Only the control plane and storage provisioners need it.
#   Medium: it takes a pod using the claim to turn it into host access. Rules limited with
#   `resourceNames` grant no create and are not reported; `resources: ["*"]` is left to
#   KS044.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#persistent-volume-creation
# - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
# custom:
#   id: KS075
#   severity: medium
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Remove `create` on `persistentvolumes`; let users request storage through
#     PersistentVolumeClaims and a StorageClass, and keep PersistentVolume creation for cluster
#     administrators and the CSI provisioners that need it.
#   frameworks: {cis-k8s: "5.1.9"}
#   aliases: [C-0278]
package shiplint.kubernetes.rbac_create_persistent_volumes

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {""}, {"persistentvolumes"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	not limited(r)
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on persistentvolumes", [k8s.resource, j, granted])
}

# create cannot be limited to names: a rule with resourceNames grants no create.
limited(r) if count(object.get(r, "resourceNames", [])) > 0
