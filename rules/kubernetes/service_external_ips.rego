# METADATA
# title: Service sets externalIPs
# description: >-
#   Traffic to a Service's `externalIPs` is routed by every node to the Service's pods, for
#   any address the author chooses. Anyone who can create Services can thereby intercept
#   traffic meant for other destinations inside the cluster (CVE-2020-8554, unpatched by
#   design). Medium. The field is best blocked by admission control altogether.
# related_resources:
# - https://kubernetes.io/docs/concepts/services-networking/service/#external-ips
# - https://github.com/kubernetes/kubernetes/issues/97076
# custom:
#   id: KS062
#   severity: medium
#   applies_to: [Service]
#   remediation: >-
#     Remove `spec.externalIPs`; use a LoadBalancer Service or an Ingress/Gateway to receive
#     external traffic, and deny the field with the DenyServiceExternalIPs admission plugin.
package shiplint.kubernetes.service_external_ips

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "spec", "externalIPs"]) if {
	input.resourceKind == "Service"
	ips := input.resource.spec.externalIPs
	is_array(ips)
	count(ips) > 0
	msg := sprintf("%s sets externalIPs %s", [k8s.resource, concat(", ", [sprintf("%v", [ip]) | some ip in ips])])
}
