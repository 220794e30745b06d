package shiplint.kubernetes.read_only_root_filesystem_test

import data.shiplint.kubernetes.read_only_root_filesystem

doc(pod, cs) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": cs}

test_fires if {
	read_only_root_filesystem.deny == {
		{"msg": "container \"a\" of Pod \"p\" does not set readOnlyRootFilesystem: true", "path": ["containers", 0, "securityContext", "readOnlyRootFilesystem"]},
		{"msg": "container \"b\" of Pod \"p\" sets readOnlyRootFilesystem: false", "path": ["containers", 1, "securityContext", "readOnlyRootFilesystem"]},
	} with input as doc({}, [{"name": "a", "containerType": "container"}, {"name": "b", "containerType": "container", "securityContext": {"readOnlyRootFilesystem": false}}])
}

test_true_quiet if {
	count(read_only_root_filesystem.deny) == 0 with input as doc({}, [{"name": "a", "containerType": "container", "securityContext": {"readOnlyRootFilesystem": true}}])
	count(read_only_root_filesystem.deny) == 0 with input as doc({"os": {"name": "windows"}}, [{"name": "a", "containerType": "container"}])
}
