package shiplint.kubernetes.run_as_user_root_test

import data.shiplint.kubernetes.run_as_user_root

doc(pod, cs) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": cs}

test_container if {
	run_as_user_root.deny == {{"msg": "container \"a\" of Pod \"p\" sets runAsUser: 0 (root)", "path": ["containers", 0, "securityContext", "runAsUser"]}} with input as doc({"securityContext": {"runAsUser": 1000}}, [{"name": "a", "containerType": "container", "securityContext": {"runAsUser": 0}}])
}

test_pod_once if {
	run_as_user_root.deny == {{"msg": "Pod \"p\" sets runAsUser: 0 (root) in the pod securityContext, inherited by \"b\"", "path": ["podSpec", "securityContext", "runAsUser"]}} with input as doc({"securityContext": {"runAsUser": 0}}, [{"name": "a", "containerType": "container", "securityContext": {"runAsUser": 1000}}, {"name": "b", "containerType": "container"}])
}

test_overridden_quiet if {
	count(run_as_user_root.deny) == 0 with input as doc({"securityContext": {"runAsUser": 0}}, [{"name": "a", "containerType": "container", "securityContext": {"runAsUser": 1000}}])
	count(run_as_user_root.deny) == 0 with input as doc({}, [{"name": "a", "containerType": "container"}])
}
