# METADATA
# title: Role grants escalate, bind or impersonate
# description: >-
#   These verbs bypass RBAC's own protection against privilege escalation: `escalate` on
#   roles lets the subject write roles with permissions it does not hold, `bind` lets it bind
#   any role (cluster-admin included) to itself, and `impersonate` on users, groups or service
#   accounts lets it act as them. High: each is a path to cluster-admin.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping
# - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation
# custom:
#   id: KS050
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Remove the verb. Where a controller must bind or impersonate, restrict the rule with
#     `resourceNames` to the specific roles or identities it needs.
#   frameworks: {cis-k8s: "5.1.8"}
package shiplint.kubernetes.rbac_escalate_bind_impersonate

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "rules", j, "verbs", k]) if {
	some [j, r] in k8s.rbac_rules
	some k, v in r.verbs
	is_string(v)
	lower(v) in {"escalate", "bind", "impersonate"}
	msg := sprintf("%s rule %d grants %s on %s", [k8s.resource, j, lower(v), concat(", ", [x | some x in r.resources])])
}
