package shiplint.kubernetes.image_pull_policy_test

import data.shiplint.kubernetes.image_pull_policy

doc(cs) := {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": cs}

test_fires if {
	{plain(f) | some f in image_pull_policy.deny} == {{"msg": "container \"a\" of Pod \"p\" uses mutable image \"app:latest\" with imagePullPolicy IfNotPresent", "path": ["containers", 0, "imagePullPolicy"]}} with input as doc([{"name": "a", "containerType": "container", "image": "app:latest", "imagePullPolicy": "IfNotPresent"}])
}

test_quiet if {
	count(image_pull_policy.deny) == 0 with input as doc([
		{"name": "a", "containerType": "container", "image": "app:latest", "imagePullPolicy": "Always"},
		{"name": "b", "containerType": "container", "image": "app"},
		{"name": "c", "containerType": "container", "image": "app:1.2", "imagePullPolicy": "IfNotPresent"},
	])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in image_pull_policy.deny} == {{"description": "Set imagePullPolicy: Always", "ops": [{"path": ["containers", 0, "imagePullPolicy"], "set": "Always"}]}} with input as doc([{"name": "a", "containerType": "container", "image": "app:latest", "imagePullPolicy": "IfNotPresent"}])
}
