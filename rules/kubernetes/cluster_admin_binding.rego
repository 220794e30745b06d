# METADATA
# title: Binding grants cluster-admin
# description: >-
#   The cluster-admin ClusterRole allows every action on every resource. Bound with a
#   ClusterRoleBinding it gives the subjects full control of the cluster; bound with a
#   RoleBinding, full control of the namespace including its Secrets and RBAC. High: a
#   compromise of any subject (often a CI or controller service account) is a compromise of
#   the cluster. The built-in binding to the system:masters group is not reported.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: KS057
#   severity: high
#   applies_to: [RoleBinding, ClusterRoleBinding]
#   remediation: >-
#     Bind a role that lists only the permissions the subject needs (the built-in `admin`,
#     `edit` or `view` roles in a namespace, or a custom role).
#   frameworks: {cis-k8s: "5.1.1"}
#   aliases: [cluster-admin-role-binding]
package shiplint.kubernetes.cluster_admin_binding

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "roleRef", "name"]) if {
	k8s.binding
	ref := input.resource.roleRef
	ref.kind == "ClusterRole"
	ref.name == "cluster-admin"
	not only_masters
	msg := sprintf("%s binds cluster-admin to %s", [k8s.resource, subjects])
}

only_masters if {
	every s in input.resource.subjects {
		s.kind == "Group"
		s.name == "system:masters"
	}
}

subjects := concat(", ", [sprintf("%s %s", [s.kind, s.name]) | some s in input.resource.subjects]) if {
	count(input.resource.subjects) > 0
} else := "no subjects"
