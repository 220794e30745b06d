# METADATA
# title: Role can reach the kubelet API (nodes/proxy)
# description: >-
#   `nodes/proxy` forwards requests to the kubelet's API on every node, which can run commands
#   in any pod on that node (`/exec`, `/run`) without the API server's pod-level authorization
#   or audit. Even `get` is enough. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS051
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Remove `nodes/proxy`; monitoring agents should read `nodes/metrics` or `nodes/stats`
#     instead.
#   frameworks: {cis-k8s: "5.1.10"}
#   aliases: [KSV047, AVD-KSV-0047, C-0279]
package shiplint.kubernetes.rbac_nodes_proxy

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"get", "create", "update", "patch", "delete", "list", "watch", "connect"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {""}, {"nodes/proxy", "*/proxy"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on nodes/proxy", [k8s.resource, j, granted])
}
