package shiplint.kubernetes.proc_mount_user_namespace_test

import data.shiplint.kubernetes.proc_mount_user_namespace

doc(pod, cs) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": cs}

c(name, sc) := {"name": name, "containerType": "container", "securityContext": sc}

test_unmasked_in_user_namespace_fires if {
	{plain(f) | some f in proc_mount_user_namespace.deny} == {{"msg": "container \"b\" of Pod \"p\" sets procMount: Unmasked; Restricted allows only Default, even with hostUsers: false", "path": ["containers", 1, "securityContext", "procMount"]}} with input as doc({"hostUsers": false}, [c("a", {"procMount": "Default"}), c("b", {"procMount": "Unmasked"})])
}

# Outside a user namespace it is KS012's.
test_host_users_quiet if {
	count(proc_mount_user_namespace.deny) == 0 with input as doc({}, [c("a", {"procMount": "Unmasked"})])
	count(proc_mount_user_namespace.deny) == 0 with input as doc({"hostUsers": true}, [c("a", {"procMount": "Unmasked"})])
	count(proc_mount_user_namespace.deny) == 0 with input as doc({"hostUsers": "false"}, [c("a", {"procMount": "Unmasked"})])
	count(proc_mount_user_namespace.deny) == 0 with input as doc({"hostUsers": false}, [c("a", {"procMount": "Default"}), c("b", {})])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in proc_mount_user_namespace.deny} == {{"description": "Set procMount: Default", "ops": [{"path": ["containers", 0, "securityContext", "procMount"], "set": "Default"}]}} with input as doc({"hostUsers": false}, [c("a", {"procMount": "Unmasked"})])
}
