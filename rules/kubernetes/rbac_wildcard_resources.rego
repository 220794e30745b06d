# METADATA
# title: Role uses a wildcard in resources
# description: >-
#   `resources: ["*"]` grants every resource and subresource of the listed groups (Secrets, pods/exec, and types added later by CRDs), so the permission cannot be reviewed and widens silently as
#   the cluster gains features. High: it reaches Secrets and exec subresources. A rule that is wildcard in verbs, resources and
#   apiGroups at once is reported by KS042 instead.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS044
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Replace "*" in `resources` with the explicit list the subject needs.
#   frameworks: {cis-k8s: "5.1.3"}
#   aliases: [KSV046, AVD-KSV-0046, CKV_K8S_49, wildcard-in-rules]
package shiplint.kubernetes.rbac_wildcard_resources

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	not k8s.full_wildcard(r)
	some k, x in r.resources
	x == "*"
	msg := sprintf("%s rule %d uses a wildcard in resources", [k8s.resource, j])
}
