# METADATA
# title: Role can exec into pods (pods/exec)
# description: >-
#   `pods/exec` runs commands inside any pod in scope, with that container's service account
#   token, mounted Secrets and network position. Older clusters authorize exec over WebSockets
#   with `get`, newer ones with `create`; both are counted. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS048
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Remove `pods/exec` from the role; give debugging access through a separate, time-bound
#     role bound only when needed.
#   aliases: [KSV053, AVD-KSV-0053, C-0002]
package shiplint.kubernetes.rbac_pods_exec

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create", "get"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {""}, {"pods/exec", "*/exec"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on pods/exec", [k8s.resource, j, granted])
}
