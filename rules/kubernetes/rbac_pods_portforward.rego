# METADATA
# title: Role can port-forward to pods (pods/portforward)
# description: >-
#   `pods/portforward` opens a tunnel from the subject's machine to any port of any pod in
#   scope, through the API server: databases, admin endpoints and debug ports that are bound
#   to the pod network only become reachable from outside, past NetworkPolicies, Services
#   and ingress authentication. `kubectl port-forward` asks for `create` (SPDY); WebSocket
#   tunnels of older clusters are authorized with `get`; both are counted. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS073
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Remove `pods/portforward` from the role; expose what people need through a Service with
#     authentication, or grant port-forwarding through a separate, time-bound role bound only
#     when needed.
#   aliases: [C-0063]
package shiplint.kubernetes.rbac_pods_portforward

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create", "get"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {""}, {"pods/portforward", "*/portforward"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on pods/portforward", [k8s.resource, j, granted])
}
