# METADATA
# title: Role can mint service account tokens (serviceaccounts/token)
# description: >-
#   `create` on `serviceaccounts/token` issues a token for any service account in scope, so
#   the subject gains every permission of every such account. High. A `"*"` verb and
#   `*/token` count; a rule limited with `resourceNames` mints tokens only for the named
#   accounts (the remediation) and is not reported; `resources: ["*"]` is left to KS044, and
#   `serviceaccounts/*` is not RBAC syntax (it grants nothing).
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS052
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Remove the permission, or restrict it with `resourceNames` to the one account the
#     subject must mint tokens for.
#   frameworks: {cis-k8s: "5.1.13"}
#   aliases: [C-0282]
package shiplint.kubernetes.rbac_serviceaccount_token

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {""}, {"serviceaccounts/token", "*/token"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	not limited(r)
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on serviceaccounts/token", [k8s.resource, j, granted])
}

# A rule limited to named service accounts mints tokens for those only.
limited(r) if count(object.get(r, "resourceNames", [])) > 0
