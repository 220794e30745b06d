# METADATA
# title: NetworkPolicy allows all ingress traffic
# description: >-
#   An ingress rule with neither `from` nor `ports` (written `- {}`) admits traffic from every
#   pod, namespace and external address on every port to the selected pods, cancelling any
#   default-deny policy for them. Low: sometimes intended (a public frontend), but it
#   silently undoes network segmentation for the selected pods.
# related_resources:
# - https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic
# custom:
#   id: KS068
#   severity: low
#   applies_to: [NetworkPolicy]
#   remediation: >-
#     List the allowed sources under `from` (podSelector, namespaceSelector, ipBlock) and the
#     ports under `ports`.
package shiplint.kubernetes.network_policy_allow_all

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "spec", "ingress", k]) if {
	input.resourceKind == "NetworkPolicy"
	some k, r in input.resource.spec.ingress
	open(r)
	msg := sprintf("%s ingress rule %d allows traffic from any source on any port", [k8s.resource, k])
}

open(r) if r == null

open(r) if {
	is_object(r)
	count(object.get(r, "from", [])) == 0
	count(object.get(r, "ports", [])) == 0
}
