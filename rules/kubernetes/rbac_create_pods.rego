# METADATA
# title: Role can create pods
# description: >-
#   Whoever can create a pod can run it as any service account in the namespace (and mount its
#   token), mount any Secret or ConfigMap, and, where Pod Security Admission does not stop it,
#   run it privileged on a node. Creating pods is equivalent to holding every permission those
#   accounts hold. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS047
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Let controllers (Deployments, Jobs) create pods under their own service accounts; grant
#     people and CI `create` on the workload resource they manage, in namespaces with Pod
#     Security Admission enforced.
#   frameworks: {cis-k8s: "5.1.4"}
#   aliases: [access-to-create-pods]
package shiplint.kubernetes.rbac_create_pods

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {""}, {"pods"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on pods", [k8s.resource, j, granted])
}
