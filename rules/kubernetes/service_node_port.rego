# METADATA
# title: Service of type NodePort
# description: >-
#   A NodePort Service opens the port on every node's address, outside any ingress
#   controller, TLS termination or authentication in front of the cluster, and usually
#   outside network policies that only see pod traffic. Low: whether nodes are reachable
#   from outside depends on the network, but the exposure is easy to miss.
# related_resources:
# - https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
# custom:
#   id: KS060
#   severity: low
#   applies_to: [Service]
#   remediation: >-
#     Use a ClusterIP Service behind an Ingress or Gateway, or a LoadBalancer with
#     `loadBalancerSourceRanges`; keep NodePort for clusters whose nodes are not reachable
#     from untrusted networks.
package shiplint.kubernetes.service_node_port

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "spec", "type"]) if {
	input.resourceKind == "Service"
	input.resource.spec.type == "NodePort"
	msg := sprintf("%s is of type NodePort and opens its ports on every node", [k8s.resource])
}
