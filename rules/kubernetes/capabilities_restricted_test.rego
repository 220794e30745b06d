package shiplint.kubernetes.capabilities_restricted_test

import data.shiplint.kubernetes.capabilities_restricted

doc(pod, cs) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": cs}

c(sc) := {"name": "a", "containerType": "container", "securityContext": sc}

test_missing_drop if {
	{plain(f) | some f in capabilities_restricted.deny} == {{"msg": "container \"a\" of Pod \"p\" does not drop ALL capabilities", "path": ["containers", 0, "securityContext", "capabilities", "drop"]}} with input as doc({}, [c({"capabilities": {"drop": ["NET_RAW"]}})])
	{plain(f) | some f in capabilities_restricted.deny} == {{"msg": "container \"a\" of Pod \"p\" does not drop ALL capabilities", "path": ["containers", 0, "securityContext", "capabilities", "drop"]}} with input as doc({}, [{"name": "a", "containerType": "container"}])
}

# Pod Security matches "ALL" exactly: drop: [all] is not dropping ALL to it.
test_drop_all_spelled_otherwise if {
	{plain(f) | some f in capabilities_restricted.deny} == {{"msg": "container \"a\" of Pod \"p\" drops \"all\", which Pod Security does not accept for ALL: capability names are case-sensitive", "path": ["containers", 0, "securityContext", "capabilities", "drop"]}} with input as doc({}, [c({"capabilities": {"drop": ["all"]}})])
	{plain(f) | some f in capabilities_restricted.deny} == {{"msg": "container \"a\" of Pod \"p\" drops \"CAP_ALL\", which Pod Security does not accept for ALL: capability names are case-sensitive", "path": ["containers", 0, "securityContext", "capabilities", "drop"]}} with input as doc({}, [c({"capabilities": {"drop": ["CAP_ALL"]}})])
}

test_add_chown if {
	{plain(f) | some f in capabilities_restricted.deny} == {{"msg": "container \"a\" of Pod \"p\" adds capability CHOWN; Restricted allows adding only NET_BIND_SERVICE", "path": ["containers", 0, "securityContext", "capabilities", "add", 1]}} with input as doc({}, [c({"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE", "CHOWN", "SYS_ADMIN", "chown"]}})])
}

test_good_and_windows_quiet if {
	count(capabilities_restricted.deny) == 0 with input as doc({}, [c({"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}})])
	count(capabilities_restricted.deny) == 0 with input as doc({}, [c({"capabilities": {"drop": ["NET_RAW", "ALL"]}})])
	count(capabilities_restricted.deny) == 0 with input as doc({"os": {"name": "windows"}}, [c({})])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

# Dropping ALL gets a fix; an added capability is a choice a human removes.
test_fix if {
	{[f.path, object.get(f, "fix", null)] | some f in capabilities_restricted.deny} == {
		[["containers", 0, "securityContext", "capabilities", "drop"], {"description": "Drop ALL capabilities", "ops": [{"path": ["containers", 0, "securityContext", "capabilities", "drop"], "add": "ALL"}]}],
		[["containers", 0, "securityContext", "capabilities", "add", 0], null],
	} with input as doc({}, [c({"capabilities": {"add": ["CHOWN"]}})])
}
