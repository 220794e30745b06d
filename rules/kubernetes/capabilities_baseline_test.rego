package shiplint.kubernetes.capabilities_baseline_test

import data.shiplint.kubernetes.capabilities_baseline

doc(cs) := {"resourceKind": "Deployment", "name": "web", "podSpec": {}, "containers": cs}

test_fires_per_capability if {
	capabilities_baseline.deny == {
		{"msg": "container \"c\" of Deployment \"web\" adds capability cap_sys_admin, which is outside the Baseline set", "path": ["containers", 0, "securityContext", "capabilities", "add", 1]},
		{"msg": "container \"c\" of Deployment \"web\" adds capability all, which is outside the Baseline set", "path": ["containers", 0, "securityContext", "capabilities", "add", 2]},
		{"msg": "container \"c\" of Deployment \"web\" adds capability SYS_PTRACE, which is outside the Baseline set", "path": ["containers", 0, "securityContext", "capabilities", "add", 3]},
	} with input as doc([{"name": "c", "containerType": "container", "securityContext": {"capabilities": {"add": ["CHOWN", "cap_sys_admin", "all", "SYS_PTRACE"]}}}])
}

# Pod Security compares names exactly: another spelling of a Baseline
# capability is rejected, with a message that says why.
test_spelling_of_baseline_cap_fires if {
	capabilities_baseline.deny == {
		{"msg": "initContainer \"i\" of Deployment \"web\" adds capability \"chown\", which Pod Security does not accept for CHOWN: capability names are case-sensitive and written without CAP_", "path": ["containers", 0, "securityContext", "capabilities", "add", 0]},
		{"msg": "initContainer \"i\" of Deployment \"web\" adds capability \"CAP_NET_BIND_SERVICE\", which Pod Security does not accept for NET_BIND_SERVICE: capability names are case-sensitive and written without CAP_", "path": ["containers", 0, "securityContext", "capabilities", "add", 1]},
		{"msg": "initContainer \"i\" of Deployment \"web\" adds capability \"Kill\", which Pod Security does not accept for KILL: capability names are case-sensitive and written without CAP_", "path": ["containers", 0, "securityContext", "capabilities", "add", 2]},
	} with input as doc([{"name": "i", "containerType": "initContainer", "securityContext": {"capabilities": {"add": ["chown", "CAP_NET_BIND_SERVICE", "Kill"]}}}])
}

test_baseline_caps_quiet if {
	count(capabilities_baseline.deny) == 0 with input as doc([{"name": "c", "containerType": "initContainer", "securityContext": {"capabilities": {"add": ["NET_BIND_SERVICE", "CHOWN", "KILL", "SYS_CHROOT"], "drop": ["SYS_ADMIN", "all"]}}}])
	count(capabilities_baseline.deny) == 0 with input as doc([{"name": "c", "containerType": "container", "securityContext": {"capabilities": null}}, {"name": "d", "containerType": "container"}])
}
