package shiplint.kubernetes.seccomp_unconfined_test

import data.shiplint.kubernetes.seccomp_unconfined

doc(meta, pod, cs) := {"resourceKind": "Pod", "name": "p", "podMetadata": meta, "podSpec": pod, "containers": cs}

test_fires if {
	seccomp_unconfined.deny == {
		{"msg": "Pod \"p\" sets seccompProfile type Unconfined in the pod securityContext", "path": ["podSpec", "securityContext", "seccompProfile", "type"]},
		{"msg": "container \"c\" of Pod \"p\" sets seccompProfile type Unconfined", "path": ["containers", 0, "securityContext", "seccompProfile", "type"]},
		{"msg": "Pod \"p\" disables seccomp with annotation seccomp.security.alpha.kubernetes.io/pod: unconfined", "path": ["podMetadata", "annotations", "seccomp.security.alpha.kubernetes.io/pod"]},
	} with input as doc({"annotations": {"seccomp.security.alpha.kubernetes.io/pod": "unconfined"}}, {"securityContext": {"seccompProfile": {"type": "Unconfined"}}}, [{"name": "c", "containerType": "container", "securityContext": {"seccompProfile": {"type": "Unconfined"}}}])
}

test_unset_and_runtime_default_quiet if {
	count(seccomp_unconfined.deny) == 0 with input as doc({"annotations": {"seccomp.security.alpha.kubernetes.io/pod": "runtime/default"}}, {}, [{"name": "c", "containerType": "container", "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}}, {"name": "d", "containerType": "container"}])
}
