# METADATA
# title: Role can add ephemeral containers to pods (pods/ephemeralcontainers)
# description: >-
#   update or patch on `pods/ephemeralcontainers` (what `kubectl debug` uses) adds a container
#   with an image and command of the subject's choosing to any running pod in scope. It runs
#   with that pod's service account token, volumes, Secrets and network position, like
#   `pods/exec` (KS048), and can target another container's process namespace. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS076
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Remove `pods/ephemeralcontainers` from the role; give debugging access through a
#     separate, time-bound role bound only when needed.
package shiplint.kubernetes.rbac_pods_ephemeral_containers

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"update", "patch"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {""}, {"pods/ephemeralcontainers", "*/ephemeralcontainers"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on pods/ephemeralcontainers", [k8s.resource, j, granted])
}
