package shiplint.kubernetes.seccomp_not_set_test

import data.shiplint.kubernetes.seccomp_not_set

doc(pod, cs) := {"resourceKind": "Deployment", "name": "d", "podSpec": pod, "containers": cs}

test_unset_fires_per_container if {
	{plain(f) | some f in seccomp_not_set.deny} == {{"msg": "ephemeralContainer \"dbg\" of Deployment \"d\" has no seccomp profile (set seccompProfile.type RuntimeDefault or Localhost on the pod or the container)", "path": ["containers", 1, "securityContext", "seccompProfile", "type"]}} with input as doc({}, [{"name": "a", "containerType": "container", "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}}, {"name": "dbg", "containerType": "ephemeralContainer"}])
}

test_pod_level_satisfies if {
	count(seccomp_not_set.deny) == 0 with input as doc({"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}}, [{"name": "a", "containerType": "container"}])
}

test_unconfined_left_to_ks013 if {
	count(seccomp_not_set.deny) == 0 with input as doc({"securityContext": {"seccompProfile": {"type": "Unconfined"}}}, [{"name": "a", "containerType": "container"}])
}

test_windows_exempt if {
	count(seccomp_not_set.deny) == 0 with input as doc({"os": {"name": "windows"}}, [{"name": "a", "containerType": "container"}])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in seccomp_not_set.deny} == {{"description": "Set seccompProfile.type: RuntimeDefault", "ops": [{"path": ["containers", 0, "securityContext", "seccompProfile", "type"], "set": "RuntimeDefault"}]}} with input as doc({}, [{"name": "a", "containerType": "container"}])
}
