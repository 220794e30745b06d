package shiplint.kubernetes.net_raw_test

import data.shiplint.kubernetes.net_raw

doc(cs) := {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": cs}

test_fires if {
	net_raw.deny == {
		{"msg": "container \"a\" of Pod \"p\" does not drop NET_RAW (or ALL)", "path": ["containers", 0, "securityContext", "capabilities", "drop"]},
		{"msg": "container \"b\" of Pod \"p\" adds capability NET_RAW, granting NET_RAW", "path": ["containers", 1, "securityContext", "capabilities", "add", 0]},
	} with input as doc([{"name": "a", "containerType": "container"}, {"name": "b", "containerType": "container", "securityContext": {"capabilities": {"drop": ["ALL"], "add": ["NET_RAW"]}}}])
}

test_drop_quiet if {
	count(net_raw.deny) == 0 with input as doc([{"name": "a", "containerType": "container", "securityContext": {"capabilities": {"drop": ["net_raw"]}}}, {"name": "b", "containerType": "container", "securityContext": {"capabilities": {"drop": ["ALL"]}}}])
}
