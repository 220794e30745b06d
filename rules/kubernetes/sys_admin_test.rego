package shiplint.kubernetes.sys_admin_test

import data.shiplint.kubernetes.sys_admin

test_fires if {
	sys_admin.deny == {{"msg": "container \"a\" of Pod \"p\" adds capability SYS_ADMIN, granting SYS_ADMIN", "path": ["containers", 0, "securityContext", "capabilities", "add", 1]}} with input as {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": [{"name": "a", "containerType": "container", "securityContext": {"capabilities": {"add": ["NET_ADMIN", "CAP_SYS_ADMIN"]}}}]}
}

test_drop_quiet if {
	count(sys_admin.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": [{"name": "a", "containerType": "container", "securityContext": {"capabilities": {"drop": ["SYS_ADMIN"]}}}]}
}
