package shiplint.kubernetes.cpu_limits_test

import data.shiplint.kubernetes.cpu_limits

doc(cs) := {"resourceKind": "Deployment", "name": "d", "podSpec": {}, "containers": cs}

test_fires if {
	cpu_limits.deny == {{"msg": "initContainer \"i\" of Deployment \"d\" has no cpu limit", "path": ["containers", 1, "resources", "limits", "cpu"]}} with input as doc([
		{"name": "a", "containerType": "container", "resources": {"limits": {"cpu": "1"}}},
		{"name": "i", "containerType": "initContainer", "resources": {"limits": {"other": "1"}}},
		{"name": "e", "containerType": "ephemeralContainer"},
	])
}
