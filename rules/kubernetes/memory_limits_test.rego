package shiplint.kubernetes.memory_limits_test

import data.shiplint.kubernetes.memory_limits

doc(cs) := {"resourceKind": "Deployment", "name": "d", "podSpec": {}, "containers": cs}

test_fires if {
	memory_limits.deny == {{"msg": "initContainer \"i\" of Deployment \"d\" has no memory limit", "path": ["containers", 1, "resources", "limits", "memory"]}} with input as doc([
		{"name": "a", "containerType": "container", "resources": {"limits": {"memory": "1"}}},
		{"name": "i", "containerType": "initContainer", "resources": {"limits": {"other": "1"}}},
		{"name": "e", "containerType": "ephemeralContainer"},
	])
}
