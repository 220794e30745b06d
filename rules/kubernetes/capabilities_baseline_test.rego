package shiplint.kubernetes.capabilities_baseline_test

import data.shiplint.kubernetes.capabilities_baseline

doc(cs) := {"resourceKind": "Deployment", "name": "web", "podSpec": {}, "containers": cs}

test_fires_per_capability if {
	capabilities_baseline.deny == {
		{"msg": "container \"c\" of Deployment \"web\" adds capability SYS_ADMIN, which is outside the Baseline set", "path": ["containers", 0, "securityContext", "capabilities", "add", 1]},
		{"msg": "container \"c\" of Deployment \"web\" adds capability ALL, which is outside the Baseline set", "path": ["containers", 0, "securityContext", "capabilities", "add", 2]},
	} with input as doc([{"name": "c", "containerType": "container", "securityContext": {"capabilities": {"add": ["CHOWN", "cap_sys_admin", "all"]}}}])
}

test_baseline_caps_quiet if {
	count(capabilities_baseline.deny) == 0 with input as doc([{"name": "c", "containerType": "initContainer", "securityContext": {"capabilities": {"add": ["NET_BIND_SERVICE", "CAP_CHOWN", "kill"], "drop": ["SYS_ADMIN"]}}}])
}
