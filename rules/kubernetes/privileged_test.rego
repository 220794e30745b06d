package shiplint.kubernetes.privileged_test

import data.shiplint.kubernetes.privileged

doc(containers) := {"resourceKind": "Deployment", "name": "web", "containers": containers}

test_privileged_fires if {
	{plain(f) | some f in privileged.deny} == {{"msg": "container \"app\" of Deployment \"web\" runs privileged", "path": ["containers", 0, "securityContext", "privileged"]}} with input as doc([{"name": "app", "containerType": "container", "securityContext": {"privileged": true}}])
}

test_init_container_fires if {
	count(privileged.deny) == 1 with input as doc([
		{"name": "app", "containerType": "container"},
		{"name": "setup", "containerType": "initContainer", "securityContext": {"privileged": true}},
	])
}

test_false_and_unset_are_quiet if {
	count(privileged.deny) == 0 with input as doc([
		{"name": "a", "containerType": "container", "securityContext": {"privileged": false}},
		{"name": "b", "containerType": "container"},
	])
}

test_non_workload_is_quiet if {
	count(privileged.deny) == 0 with input as {"resourceKind": "ConfigMap", "name": "x"}
}

test_unnamed_container_still_fires if {
	{plain(f) | some f in privileged.deny} == {{"msg": "container \"(unnamed)\" of Deployment \"web\" runs privileged", "path": ["containers", 0, "securityContext", "privileged"]}} with input as doc([{"containerType": "container", "securityContext": {"privileged": true}}])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in privileged.deny} == {{"description": "Set privileged: false", "ops": [{"path": ["containers", 0, "securityContext", "privileged"], "set": false}]}} with input as doc([{"name": "app", "containerType": "container", "securityContext": {"privileged": true}}])
}
