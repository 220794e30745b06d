# METADATA
# title: Pod runs as the namespace's default service account
# description: >-
#   Every pod that names no service account runs as `default`, so permissions granted to it
#   for one workload silently apply to all of them, and an audit log cannot tell the
#   workloads apart. Give each workload its own account. Low; quiet when the pod does not
#   mount a token at all.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: KS027
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Create a ServiceAccount for the workload, set `serviceAccountName` in the pod spec, and
#     grant RBAC to that account only.
#   frameworks: {cis-k8s: "5.1.5"}
package shiplint.kubernetes.default_service_account

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

account := n if {
	n := input.podSpec.serviceAccountName
	is_string(n)
	n != ""
} else := n if {
	n := input.podSpec.serviceAccount # deprecated alias
	is_string(n)
	n != ""
} else := "default"

deny contains lib.finding(msg, ["podSpec", "serviceAccountName"]) if {
	input.podSpec
	account == "default"
	object.get(input.podSpec, "automountServiceAccountToken", null) != false
	msg := sprintf("%s runs as the default service account", [k8s.resource])
}
