# METADATA
# title: Role uses a wildcard in verbs
# description: >-
#   `verbs: ["*"]` grants every verb (including escalate, bind and impersonate where they apply), so the permission cannot be reviewed and widens silently as
#   the cluster gains features. Medium: the grant grows with every new verb. A rule that is wildcard in verbs, resources and
#   apiGroups at once is reported by KS042 instead.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS043
#   severity: medium
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Replace "*" in `verbs` with the explicit list the subject needs.
#   frameworks: {cis-k8s: "5.1.3"}
#   aliases: [KSV045, AVD-KSV-0045, CKV_K8S_49, wildcard-in-rules]
package shiplint.kubernetes.rbac_wildcard_verbs

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "rules", j, "verbs", k]) if {
	some [j, r] in k8s.rbac_rules
	not k8s.full_wildcard(r)
	some k, x in r.verbs
	x == "*"
	msg := sprintf("%s rule %d uses a wildcard in verbs", [k8s.resource, j])
}
