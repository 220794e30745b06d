# METADATA
# title: Binding grants permissions to anonymous or all authenticated users
# description: >-
#   `system:anonymous` and `system:unauthenticated` are anyone who can reach the API server
#   without credentials; `system:authenticated` is every identity the cluster accepts,
#   including every service account of every namespace and, on managed clusters, sometimes
#   any account of the cloud provider. Binding a role to them grants it to the world. High.
#   The Kubernetes bootstrap bindings for discovery and public info are not reported.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: KS058
#   severity: high
#   applies_to: [RoleBinding, ClusterRoleBinding]
#   remediation: >-
#     Bind the role to the specific users, groups or service accounts that need it.
package shiplint.kubernetes.binding_all_users

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

everyone := {
	["User", "system:anonymous"],
	["Group", "system:unauthenticated"],
	["Group", "system:authenticated"],
}

# Roles Kubernetes itself binds to these groups at bootstrap.
bootstrap_roles := {"system:discovery", "system:basic-user", "system:public-info-viewer"}

deny contains lib.finding(msg, ["resource", "subjects", k, "name"]) if {
	k8s.binding
	not input.resource.roleRef.name in bootstrap_roles
	some k, s in input.resource.subjects
	[s.kind, s.name] in everyone
	msg := sprintf("%s grants %s %q to %s", [k8s.resource, lower(object.get(input.resource, ["roleRef", "kind"], "role")), object.get(input.resource, ["roleRef", "name"], ""), s.name])
}
