# METADATA
# title: Role can attach to pods (pods/attach)
# description: >-
#   `pods/attach` connects to the running process of any container in scope: its terminal,
#   stdin and output, which often include secrets and an interactive shell. `get` (WebSocket,
#   older clusters) and `create` are both counted. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS049
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Remove `pods/attach` from the role; give debugging access through a separate, time-bound
#     role.
#   aliases: [KSV054, AVD-KSV-0054]
package shiplint.kubernetes.rbac_pods_attach

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create", "get"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {""}, {"pods/attach", "*/attach"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on pods/attach", [k8s.resource, j, granted])
}
