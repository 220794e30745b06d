# METADATA
# title: Role can create or change RBAC roles and bindings
# description: >-
#   Write access to Roles, ClusterRoles, RoleBindings or ClusterRoleBindings lets the subject
#   change who may do what. The API server stops granting beyond one's own permissions unless
#   `escalate`/`bind` are also held, but the subject can still redistribute every permission
#   it has and remove others'. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS053
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Manage RBAC through reviewed GitOps changes by a dedicated deployer; give other subjects
#     read access at most.
#   aliases: [KSV050, AVD-KSV-0050]
package shiplint.kubernetes.rbac_manage_rbac

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create", "update", "patch", "delete", "deletecollection"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {"rbac.authorization.k8s.io"}, {"roles", "clusterroles", "rolebindings", "clusterrolebindings"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on RBAC objects", [k8s.resource, j, granted])
}
