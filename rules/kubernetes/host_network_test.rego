package shiplint.kubernetes.host_network_test

import data.shiplint.kubernetes.host_network

test_fires if {
	host_network.deny == {{"msg": "DaemonSet \"agent\" sets hostNetwork: true", "path": ["podSpec", "hostNetwork"]}} with input as {"resourceKind": "DaemonSet", "name": "agent", "podSpec": {"hostNetwork": true}, "containers": []}
}

test_false_or_unset_quiet if {
	count(host_network.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"hostNetwork": false}, "containers": []}
	count(host_network.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": []}
	count(host_network.deny) == 0 with input as {"resourceKind": "Service", "name": "s", "resource": {"spec": {"hostNetwork": true}}}
}
