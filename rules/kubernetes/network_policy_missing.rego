# METADATA
# title: Workload is not selected by any NetworkPolicy
# description: >-
#   Pods that no NetworkPolicy selects accept traffic from every pod in the cluster and may
#   connect anywhere: one compromised pod can reach them. The rule looks at the NetworkPolicies
#   in the workload's namespace in the same directory, chart or overlay, and fires only where
#   that directory, chart or overlay defines NetworkPolicies at all (a team that manages them
#   elsewhere, or cluster-wide, is not told about every workload; set the parameter
#   `only_where_policies_exist: false` to check every workload). Low.
# related_resources:
# - https://kubernetes.io/docs/concepts/services-networking/network-policies/
# - https://kubernetes.io/docs/concepts/security/security-checklist/#network-security
# custom:
#   id: KS081
#   severity: low
#   applies_to: [workload]
#   related: [NetworkPolicy]
#   remediation: >-
#     Add a NetworkPolicy in the namespace whose podSelector matches these pods (a default-deny
#     policy with an empty podSelector, then policies that allow the traffic they need).
#   frameworks: {cis-k8s: "5.3.2"}
#   aliases: [non-isolated-pod, C-0260]
package shiplint.kubernetes.network_policy_missing

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s
import data.shiplint.lib.related

everywhere := lib.param("KS081", "only_where_policies_exist", true) == false

deny contains lib.finding(msg, ["podMetadata", "labels"]) if {
	input.podSpec
	checked
	labels := object.get(object.get(input, "podMetadata", {}), "labels", {})
	not selected(labels)
	msg := sprintf("%s: no NetworkPolicy in namespace %q selects its pods, so they accept traffic from any pod", [k8s.resource, shown(related.namespace)])
}

checked if everywhere

checked if related.in_unit("NetworkPolicy")

selected(labels) if {
	some np in related.others("NetworkPolicy")
	related.selects(object.get(object.get(np.resource, "spec", {}), "podSelector", {}), labels)
}

shown(ns) := ns if ns != ""

else := "(none given)"
