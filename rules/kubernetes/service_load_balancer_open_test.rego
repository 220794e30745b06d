package shiplint.kubernetes.service_load_balancer_open_test

import data.shiplint.kubernetes.service_load_balancer_open

doc(meta, spec) := {"resourceKind": "Service", "name": "s", "resource": {"metadata": meta, "spec": spec}}

test_fires if {
	service_load_balancer_open.deny == {{"msg": "Service \"s\" is a LoadBalancer without loadBalancerSourceRanges, open to any address", "path": ["resource", "spec", "type"]}} with input as doc({}, {"type": "LoadBalancer"})
	service_load_balancer_open.deny == {{"msg": "Service \"s\" allows load balancer traffic from 0.0.0.0/0", "path": ["resource", "spec", "loadBalancerSourceRanges", 1]}} with input as doc({}, {"type": "LoadBalancer", "loadBalancerSourceRanges": ["10.0.0.0/8", "0.0.0.0/0"]})
}

test_quiet if {
	count(service_load_balancer_open.deny) == 0 with input as doc({}, {"type": "LoadBalancer", "loadBalancerSourceRanges": ["10.0.0.0/8"]})
	count(service_load_balancer_open.deny) == 0 with input as doc({"annotations": {"networking.gke.io/load-balancer-type": "Internal"}}, {"type": "LoadBalancer"})
	count(service_load_balancer_open.deny) == 0 with input as doc({"annotations": {"service.beta.kubernetes.io/load-balancer-source-ranges": "10.0.0.0/8"}}, {"type": "LoadBalancer"})
	count(service_load_balancer_open.deny) == 0 with input as doc({}, {"type": "NodePort"})
}
