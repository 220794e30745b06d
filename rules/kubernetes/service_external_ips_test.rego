package shiplint.kubernetes.service_external_ips_test

import data.shiplint.kubernetes.service_external_ips

test_fires if {
	service_external_ips.deny == {{"msg": "Service \"s\" sets externalIPs 203.0.113.10", "path": ["resource", "spec", "externalIPs"]}} with input as {"resourceKind": "Service", "name": "s", "resource": {"spec": {"externalIPs": ["203.0.113.10"]}}}
}

test_quiet if {
	count(service_external_ips.deny) == 0 with input as {"resourceKind": "Service", "name": "s", "resource": {"spec": {"externalIPs": []}}}
}
