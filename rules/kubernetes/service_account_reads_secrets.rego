# METADATA
# title: Workload's service account can read Secrets
# description: >-
#   The pod mounts the token of a service account that a RoleBinding or ClusterRoleBinding in
#   the scan binds to a role able to get, list or watch Secrets. Anyone who gets code execution
#   in any of its containers can read every Secret that role reaches, including other accounts'
#   tokens and credentials for external systems. A role read access alone (KS046) is a
#   question of who holds it; here the holder is a running workload. High. Bindings, roles
#   and the ServiceAccount are looked for in the same namespace of the same directory, chart
#   or overlay (see docs/writing-rules.md); `cluster-admin`, `admin` and `edit` are known to
#   read Secrets without being defined in the scan.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets
# - https://kubernetes.io/docs/concepts/security/service-accounts/
# custom:
#   id: KS080
#   severity: high
#   applies_to: [workload]
#   related: [ServiceAccount, Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   remediation: >-
#     Give the workload its own service account bound only to what it calls, grant Secrets by
#     `resourceNames` with `get`, mount the Secret as a volume instead of reading it through the
#     API, or set `automountServiceAccountToken: false` if the workload never calls the API.
#   frameworks: {cis-k8s: "5.1.2"}
package shiplint.kubernetes.service_account_reads_secrets

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s
import data.shiplint.lib.related

deny contains lib.finding(msg, path) if {
	input.podSpec
	related.token_mounted
	sa := related.service_account
	some b in bindings
	binds(b, sa)
	role := role_of(b.resource.roleRef)
	reads_secrets(role)
	path := where
	msg := sprintf("%s runs as service account %q, which %s %q binds to %s %q that can read Secrets; its mounted token reads them", [k8s.resource, sa, b.kind, b.name, b.resource.roleRef.kind, b.resource.roleRef.name])
}

bindings := array.concat(related.others("RoleBinding"), related.others("ClusterRoleBinding"))

# A RoleBinding's service account subject without a namespace is in the
# binding's; a ClusterRoleBinding's must name it.
binds(b, sa) if {
	some s in b.resource.subjects
	s.kind == "ServiceAccount"
	s.name == sa
	object.get(s, "namespace", default_ns(b)) == related.namespace
}

default_ns(b) := related.namespace if b.kind == "RoleBinding"

else := ""

role_of(ref) := r.resource if {
	ref.kind in {"Role", "ClusterRole"}
	r := related.named(ref.kind, ref.name)
}

# Default ClusterRoles that read Secrets, whether or not the scan defines them.
role_of(ref) := {"rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list", "watch"]}]} if {
	ref.kind == "ClusterRole"
	ref.name in {"cluster-admin", "admin", "edit"}
}

reads_secrets(role) if {
	some r in role.rules
	is_object(r)
	k8s.covers(r, "", "secrets")
	k8s.grants(r, {"get", "list", "watch"})
	count(object.get(r, "resourceNames", [])) == 0
}

where := ["podSpec", "serviceAccountName"] if input.podSpec.serviceAccountName

else := ["podSpec", "serviceAccount"] if input.podSpec.serviceAccount

else := ["podSpec"]
