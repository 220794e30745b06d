package shiplint.kubernetes.root_group_test

import data.shiplint.kubernetes.root_group

doc(pod, cs) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": cs}

test_fires if {
	root_group.deny == {
		{"msg": "Pod \"p\" sets fsGroup: 0 (root group)", "path": ["podSpec", "securityContext", "fsGroup"]},
		{"msg": "Pod \"p\" adds the root group (0) to supplementalGroups", "path": ["podSpec", "securityContext", "supplementalGroups", 1]},
		{"msg": "container \"a\" of Pod \"p\" sets runAsGroup: 0 (root group)", "path": ["containers", 0, "securityContext", "runAsGroup"]},
	} with input as doc({"securityContext": {"fsGroup": 0, "supplementalGroups": [1000, 0]}}, [{"name": "a", "containerType": "container", "securityContext": {"runAsGroup": 0}}])
}

test_pod_group_overridden_quiet if {
	count(root_group.deny) == 0 with input as doc({"securityContext": {"runAsGroup": 0, "fsGroup": 2000}}, [{"name": "a", "containerType": "container", "securityContext": {"runAsGroup": 1000}}])
}
