# METADATA
# title: Role grants every verb on every resource
# description: >-
#   A rule with `apiGroups: ["*"]`, `resources: ["*"]` and `verbs: ["*"]` is cluster-admin
#   (within the Role's namespace for a Role): whoever is bound to it can read every Secret,
#   run pods as any service account, and grant themselves anything else. Critical.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS042
#   severity: critical
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     List the API groups, resources and verbs the subject actually uses (see the audit log or
#     `kubectl auth can-i --list`) instead of wildcards.
#   frameworks: {cis-k8s: "5.1.3"}
#   aliases: [KSV044, AVD-KSV-0044]
package shiplint.kubernetes.rbac_wildcard_all

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "rules", j]) if {
	some [j, r] in k8s.rbac_rules
	k8s.full_wildcard(r)
	msg := sprintf("%s rule %d grants every verb on every resource in every API group", [k8s.resource, j])
}
