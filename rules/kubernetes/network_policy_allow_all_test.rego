package shiplint.kubernetes.network_policy_allow_all_test

import data.shiplint.kubernetes.network_policy_allow_all

doc(ingress) := {"resourceKind": "NetworkPolicy", "name": "n", "resource": {"spec": {"podSelector": {}, "ingress": ingress}}}

test_fires if {
	network_policy_allow_all.deny == {{"msg": "NetworkPolicy \"n\" ingress rule 1 allows traffic from any source on any port", "path": ["resource", "spec", "ingress", 1]}} with input as doc([{"from": [{"podSelector": {}}]}, {}])
}

test_quiet if {
	count(network_policy_allow_all.deny) == 0 with input as doc([{"ports": [{"port": 443}]}, {"from": [{"namespaceSelector": {"matchLabels": {"a": "b"}}}]}])
	count(network_policy_allow_all.deny) == 0 with input as {"resourceKind": "NetworkPolicy", "name": "n", "resource": {"spec": {"podSelector": {}, "policyTypes": ["Ingress"]}}}
}
