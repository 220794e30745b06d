# METADATA
# title: Audit policy records nothing
# description: >-
#   An audit Policy with no rules, or whose rules are all `level: None`, makes the API
#   server drop every event: there is no record of who read a Secret, created a pod,
#   exec'd into a container or changed RBAC, and an intrusion cannot be traced afterwards.
#   Medium. Only `audit.k8s.io` Policies are checked (not Kyverno or other `Policy` kinds).
# related_resources:
# - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#audit-policy
# - https://kubernetes.io/docs/reference/config-api/apiserver-audit.v1/#audit-k8s-io-v1-Policy
# custom:
#   id: KS126
#   severity: medium
#   applies_to: [Policy]
#   frameworks: {cis-k8s: "3.2.1"}
#   remediation: >-
#     Add rules that log at least `level: Metadata` for all requests (a last catch-all rule
#     `- level: Metadata`), with `None` only for known noisy, harmless requests.
package shiplint.kubernetes.audit_policy_logs_nothing

import data.shiplint.lib

deny contains lib.finding(msg, ["resource", "rules"]) if {
	input.resourceKind == "Policy"
	startswith(input.apiVersion, "audit.k8s.io/")
	rules := object.get(input.resource, "rules", [])
	is_array(rules)
	every r in rules {
		r.level == "None"
	}
	msg := sprintf("%s records nothing: %s", [who, why(rules)])
}

why(rules) := "it has no rules" if count(rules) == 0

else := "every rule has level None"

who := sprintf("audit Policy %q", [input.name]) if is_string(input.name)

else := "audit Policy"
