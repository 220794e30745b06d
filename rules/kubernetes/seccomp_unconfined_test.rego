package shiplint.kubernetes.seccomp_unconfined_test

import data.shiplint.kubernetes.seccomp_unconfined

doc(meta, pod, cs) := {"resourceKind": "Pod", "name": "p", "podMetadata": meta, "podSpec": pod, "containers": cs}

test_fires if {
	{plain(f) | some f in seccomp_unconfined.deny} == {
		{"msg": "Pod \"p\" sets seccompProfile type Unconfined in the pod securityContext", "path": ["podSpec", "securityContext", "seccompProfile", "type"]},
		{"msg": "container \"c\" of Pod \"p\" sets seccompProfile type Unconfined", "path": ["containers", 0, "securityContext", "seccompProfile", "type"]},
		{"msg": "Pod \"p\" disables seccomp with annotation seccomp.security.alpha.kubernetes.io/pod: unconfined", "path": ["podMetadata", "annotations", "seccomp.security.alpha.kubernetes.io/pod"]},
	} with input as doc({"annotations": {"seccomp.security.alpha.kubernetes.io/pod": "unconfined"}}, {"securityContext": {"seccompProfile": {"type": "Unconfined"}}}, [{"name": "c", "containerType": "container", "securityContext": {"seccompProfile": {"type": "Unconfined"}}}])
}

test_unset_and_runtime_default_quiet if {
	count(seccomp_unconfined.deny) == 0 with input as doc({"annotations": {"seccomp.security.alpha.kubernetes.io/pod": "runtime/default"}}, {}, [{"name": "c", "containerType": "container", "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}}, {"name": "d", "containerType": "container"}])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

# The annotation form gets no fix (the annotation is removed by hand).
test_fix if {
	{[f.path, object.get(f, "fix", null)] | some f in seccomp_unconfined.deny} == {
		[["podSpec", "securityContext", "seccompProfile", "type"], {"description": "Set seccompProfile.type: RuntimeDefault", "ops": [{"path": ["podSpec", "securityContext", "seccompProfile", "type"], "set": "RuntimeDefault"}]}],
		[["containers", 0, "securityContext", "seccompProfile", "type"], {"description": "Set seccompProfile.type: RuntimeDefault", "ops": [{"path": ["containers", 0, "securityContext", "seccompProfile", "type"], "set": "RuntimeDefault"}]}],
		[["podMetadata", "annotations", "seccomp.security.alpha.kubernetes.io/pod"], null],
	} with input as doc({"annotations": {"seccomp.security.alpha.kubernetes.io/pod": "unconfined"}}, {"securityContext": {"seccompProfile": {"type": "Unconfined"}}}, [{"name": "c", "containerType": "container", "securityContext": {"seccompProfile": {"type": "Unconfined"}}}])
}
