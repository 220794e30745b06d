package shiplint.kubernetes.net_raw_test

import data.shiplint.kubernetes.net_raw

doc(cs) := {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": cs}

test_fires if {
	{plain(f) | some f in net_raw.deny} == {
		{"msg": "container \"a\" of Pod \"p\" does not drop NET_RAW (or ALL)", "path": ["containers", 0, "securityContext", "capabilities", "drop"]},
		{"msg": "container \"b\" of Pod \"p\" adds capability NET_RAW, granting NET_RAW", "path": ["containers", 1, "securityContext", "capabilities", "add", 0]},
	} with input as doc([{"name": "a", "containerType": "container"}, {"name": "b", "containerType": "container", "securityContext": {"capabilities": {"drop": ["ALL"], "add": ["NET_RAW"]}}}])
}

test_drop_quiet if {
	count(net_raw.deny) == 0 with input as doc([{"name": "a", "containerType": "container", "securityContext": {"capabilities": {"drop": ["net_raw"]}}}, {"name": "b", "containerType": "container", "securityContext": {"capabilities": {"drop": ["ALL"]}}}])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

# Only the missing drop gets a fix; an added NET_RAW is removed by hand.
test_fix if {
	{[f.path, object.get(f, "fix", null)] | some f in net_raw.deny} == {
		[["containers", 0, "securityContext", "capabilities", "drop"], {"description": "Drop NET_RAW", "ops": [{"path": ["containers", 0, "securityContext", "capabilities", "drop"], "add": "NET_RAW"}]}],
		[["containers", 1, "securityContext", "capabilities", "add", 0], null],
	} with input as doc([{"name": "a", "containerType": "container"}, {"name": "b", "containerType": "container", "securityContext": {"capabilities": {"drop": ["ALL"], "add": ["NET_RAW"]}}}])
}
