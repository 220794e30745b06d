package shiplint.kubernetes.proc_mount_test

import data.shiplint.kubernetes.proc_mount

doc(cs) := {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": cs}

test_unmasked_fires if {
	{plain(f) | some f in proc_mount.deny} == {{"msg": "container \"c\" of Pod \"p\" sets procMount: Unmasked; only Default is allowed", "path": ["containers", 0, "securityContext", "procMount"]}} with input as doc([{"name": "c", "containerType": "container", "securityContext": {"procMount": "Unmasked"}}])
	count(proc_mount.deny) == 1 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"hostUsers": true}, "containers": [{"name": "c", "containerType": "container", "securityContext": {"procMount": "Unmasked"}}]}
}

test_default_quiet if {
	count(proc_mount.deny) == 0 with input as doc([{"name": "c", "containerType": "container", "securityContext": {"procMount": "Default"}}, {"name": "d", "containerType": "container"}])
}

# Baseline v1.35+: a pod in its own user namespace may unmask /proc (KS085
# reports it for Restricted).
test_user_namespace_quiet if {
	count(proc_mount.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"hostUsers": false}, "containers": [{"name": "c", "containerType": "container", "securityContext": {"procMount": "Unmasked"}}]}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in proc_mount.deny} == {{"description": "Set procMount: Default", "ops": [{"path": ["containers", 0, "securityContext", "procMount"], "set": "Default"}]}} with input as doc([{"name": "c", "containerType": "container", "securityContext": {"procMount": "Unmasked"}}])
}
