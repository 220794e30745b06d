package shiplint.kubernetes.memory_requests_test

import data.shiplint.kubernetes.memory_requests

doc(cs) := {"resourceKind": "Deployment", "name": "d", "podSpec": {}, "containers": cs}

test_fires if {
	memory_requests.deny == {{"msg": "initContainer \"i\" of Deployment \"d\" has no memory request", "path": ["containers", 1, "resources", "requests", "memory"]}} with input as doc([
		{"name": "a", "containerType": "container", "resources": {"requests": {"memory": "1"}}},
		{"name": "i", "containerType": "initContainer", "resources": {"xx": {"other": "1"}}},
		{"name": "e", "containerType": "ephemeralContainer"},
	])
}

test_limit_implies_request if {
	count(memory_requests.deny) == 0 with input as doc([{"name": "a", "containerType": "container", "resources": {"limits": {"memory": "1"}}}])
}
