# METADATA
# title: Binding grants permissions to anonymous users, all authenticated users or all service accounts
# description: >-
#   `system:anonymous` and `system:unauthenticated` are anyone who can reach the API server
#   without credentials; `system:authenticated` is every identity the cluster accepts,
#   including every service account of every namespace and, on managed clusters, sometimes
#   any account of the cloud provider; `system:serviceaccounts` is every service account of
#   every namespace, so any compromised pod. Binding a role to them grants it to the world.
#   High. Each such subject is reported at its name, whatever the role (a binding of
#   cluster-admin is also reported by KS057 at the role), and whatever kind it is written as
#   (`User system:unauthenticated` is the same intent as the group). The Kubernetes bootstrap
#   bindings of the discovery and public-info ClusterRoles are not reported.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: KS058
#   severity: high
#   applies_to: [RoleBinding, ClusterRoleBinding]
#   remediation: >-
#     Bind the role to the specific users, groups or service accounts that need it.
#   aliases: [KSV122, AVD-KSV-0122, C-0262]
package shiplint.kubernetes.binding_all_users

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# Subject names that stand for everyone, matched whatever kind the subject is
# written as: a User named system:unauthenticated is meant as the group.
everyone := {
	"system:anonymous",
	"system:unauthenticated",
	"system:authenticated",
	"system:serviceaccounts",
}

# ClusterRoles Kubernetes itself binds to these groups at bootstrap.
bootstrap_roles := {"system:discovery", "system:basic-user", "system:public-info-viewer"}

deny contains lib.finding(msg, ["resource", "subjects", k, "name"]) if {
	k8s.binding
	not bootstrap
	some k, s in input.resource.subjects
	s.name in everyone
	msg := sprintf("%s grants %s %q to %s", [k8s.resource, lower(object.get(input.resource, ["roleRef", "kind"], "role")), object.get(input.resource, ["roleRef", "name"], ""), s.name])
}

bootstrap if {
	input.resource.roleRef.kind == "ClusterRole"
	input.resource.roleRef.name in bootstrap_roles
}
