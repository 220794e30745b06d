# METADATA
# title: LoadBalancer Service is open to any source address
# description: >-
#   A LoadBalancer Service without `loadBalancerSourceRanges` (or with 0.0.0.0/0 or ::/0 in
#   it) is reachable from the whole internet on most cloud providers. Internal load balancers
#   (the providers' internal annotations) are not reported. Medium: every exposed port is
#   attack surface; restrict it unless the service is meant to be public.
# related_resources:
# - https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer
# - https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/
# custom:
#   id: KS061
#   severity: medium
#   applies_to: [Service]
#   remediation: >-
#     Set `spec.loadBalancerSourceRanges` to the CIDRs that need access, or make the load
#     balancer internal with your provider's annotation; put public HTTP services behind an
#     Ingress/Gateway with TLS.
package shiplint.kubernetes.service_load_balancer_open

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

internal_annotations := {
	"service.beta.kubernetes.io/aws-load-balancer-internal": {"true", "0.0.0.0/0"},
	"service.beta.kubernetes.io/aws-load-balancer-scheme": {"internal"},
	"networking.gke.io/load-balancer-type": {"internal"},
	"cloud.google.com/load-balancer-type": {"internal"},
	"service.beta.kubernetes.io/azure-load-balancer-internal": {"true"},
	"service.beta.kubernetes.io/oci-load-balancer-internal": {"true"},
	"service.beta.kubernetes.io/openstack-internal-load-balancer": {"true"},
	"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": {"intranet"},
	"service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type": {"private"},
	"service.beta.kubernetes.io/do-loadbalancer-network": {"vpc"},
}

internal_lb if {
	some key, values in internal_annotations
	v := input.resource.metadata.annotations[key]
	lower(sprintf("%v", [v])) in values
}

lb if {
	input.resourceKind == "Service"
	input.resource.spec.type == "LoadBalancer"
	not internal_lb
}

ranges := input.resource.spec.loadBalancerSourceRanges if {
	count(input.resource.spec.loadBalancerSourceRanges) > 0
} else := split(input.resource.metadata.annotations["service.beta.kubernetes.io/load-balancer-source-ranges"], ",") if {
	trim_space(input.resource.metadata.annotations["service.beta.kubernetes.io/load-balancer-source-ranges"]) != ""
} else := []

deny contains lib.finding(msg, ["resource", "spec", "type"]) if {
	lb
	count(ranges) == 0
	msg := sprintf("%s is a LoadBalancer without loadBalancerSourceRanges, open to any address", [k8s.resource])
}

deny contains lib.finding(msg, ["resource", "spec", "loadBalancerSourceRanges", k]) if {
	lb
	some k, r in input.resource.spec.loadBalancerSourceRanges
	trim_space(r) in {"0.0.0.0/0", "::/0"}
	msg := sprintf("%s allows load balancer traffic from %s", [k8s.resource, r])
}
