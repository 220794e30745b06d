# METADATA
# title: Role uses a wildcard in apiGroups
# description: >-
#   `apiGroups: ["*"]` grants the listed resource names in every API group, including groups added later by CRDs, so the permission cannot be reviewed and widens silently as
#   the cluster gains features. Low: resource names rarely mean something dangerous in unexpected groups, but the grant is not reviewable. A rule that is wildcard in verbs, resources and
#   apiGroups at once is reported by KS042 instead.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS045
#   severity: low
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Replace "*" in `apiGroups` with the explicit list the subject needs.
#   frameworks: {cis-k8s: "5.1.3"}
#   aliases: [CKV_K8S_49, wildcard-in-rules]
package shiplint.kubernetes.rbac_wildcard_api_groups

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "rules", j, "apiGroups", k]) if {
	some [j, r] in k8s.rbac_rules
	not k8s.full_wildcard(r)
	some k, x in r.apiGroups
	x == "*"
	msg := sprintf("%s rule %d uses a wildcard in apiGroups", [k8s.resource, j])
}
