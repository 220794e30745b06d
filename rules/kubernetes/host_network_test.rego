package shiplint.kubernetes.host_network_test

import data.shiplint.kubernetes.host_network

test_fires if {
	{plain(f) | some f in host_network.deny} == {{"msg": "DaemonSet \"agent\" sets hostNetwork: true", "path": ["podSpec", "hostNetwork"]}} with input as {"resourceKind": "DaemonSet", "name": "agent", "podSpec": {"hostNetwork": true}, "containers": []}
}

test_false_or_unset_quiet if {
	count(host_network.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"hostNetwork": false}, "containers": []}
	count(host_network.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": []}
	count(host_network.deny) == 0 with input as {"resourceKind": "Service", "name": "s", "resource": {"spec": {"hostNetwork": true}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in host_network.deny} == {{"description": "Set hostNetwork: false", "ops": [{"path": ["podSpec", "hostNetwork"], "set": false}]}} with input as {"resourceKind": "DaemonSet", "name": "agent", "podSpec": {"hostNetwork": true}, "containers": []}
}
