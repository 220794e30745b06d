# METADATA
# title: Binding grants permissions to a default service account
# description: >-
#   Every pod that names no service account runs as its namespace's `default` account, so a
#   role bound to it is granted to all of those pods, including ones added later for
#   unrelated purposes. Medium: permissions spread silently to workloads that did not ask for
#   them.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: KS059
#   severity: medium
#   applies_to: [RoleBinding, ClusterRoleBinding]
#   remediation: >-
#     Create a dedicated ServiceAccount for the workload that needs the permissions, bind the
#     role to it, and set `serviceAccountName` in that workload's pod spec.
#   frameworks: {cis-k8s: "5.1.5"}
package shiplint.kubernetes.binding_default_service_account

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "subjects", k, "name"]) if {
	k8s.binding
	some k, s in input.resource.subjects
	s.kind == "ServiceAccount"
	s.name == "default"
	ns := object.get(s, "namespace", input.namespace)
	msg := sprintf("%s grants %q to the default service account%s", [k8s.resource, object.get(input.resource, ["roleRef", "name"], ""), in_ns(ns)])
}

in_ns(ns) := sprintf(" of namespace %q", [ns]) if is_string(ns)

else := ""
