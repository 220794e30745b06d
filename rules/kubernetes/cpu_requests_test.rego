package shiplint.kubernetes.cpu_requests_test

import data.shiplint.kubernetes.cpu_requests

doc(cs) := {"resourceKind": "Deployment", "name": "d", "podSpec": {}, "containers": cs}

test_fires if {
	cpu_requests.deny == {{"msg": "initContainer \"i\" of Deployment \"d\" has no cpu request", "path": ["containers", 1, "resources", "requests", "cpu"]}} with input as doc([
		{"name": "a", "containerType": "container", "resources": {"requests": {"cpu": "1"}}},
		{"name": "i", "containerType": "initContainer", "resources": {"xx": {"other": "1"}}},
		{"name": "e", "containerType": "ephemeralContainer"},
	])
}

test_limit_implies_request if {
	count(cpu_requests.deny) == 0 with input as doc([{"name": "a", "containerType": "container", "resources": {"limits": {"cpu": "1"}}}])
}
