# METADATA
# title: Role can read Secrets
# description: >-
#   get, list or watch on `secrets` lets the subject read every Secret in scope (the whole
#   cluster for a ClusterRole bound cluster-wide), including service account tokens of more
#   privileged accounts and credentials for external systems. list and watch return the values
#   too, not just names. Rules limited with `resourceNames` are not reported. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS046
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Grant access only to the named Secrets the subject needs (`resourceNames`, with `get`),
#     or mount the Secret into the workload instead of reading it through the API.
#   frameworks: {cis-k8s: "5.1.2"}
#   aliases: [KSV041, AVD-KSV-0041, KSV113, AVD-KSV-0113, access-to-secrets, C-0015]
package shiplint.kubernetes.rbac_read_secrets

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"get", "list", "watch"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {""}, {"secrets"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	not limited(r)
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants read access (%s) to Secrets", [k8s.resource, j, granted])
}

# A rule limited to named objects grants access to those only.
limited(r) if count(object.get(r, "resourceNames", [])) > 0
