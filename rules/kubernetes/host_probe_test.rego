package shiplint.kubernetes.host_probe_test

import data.shiplint.kubernetes.host_probe

doc(cs) := {"resourceKind": "Deployment", "name": "web", "podSpec": {}, "containers": cs}

test_probe_hosts if {
	host_probe.deny == {
		{"msg": "container \"app\" of Deployment \"web\" sets livenessProbe.httpGet.host to \"10.0.0.1\": probes and lifecycle hooks must target the pod itself", "path": ["containers", 0, "livenessProbe", "httpGet", "host"]},
		{"msg": "container \"app\" of Deployment \"web\" sets readinessProbe.tcpSocket.host to \"localhost\": probes and lifecycle hooks must target the pod itself", "path": ["containers", 0, "readinessProbe", "tcpSocket", "host"]},
		{"msg": "initContainer \"init\" of Deployment \"web\" sets startupProbe.httpGet.host to \"169.254.169.254\": probes and lifecycle hooks must target the pod itself", "path": ["containers", 1, "startupProbe", "httpGet", "host"]},
	} with input as doc([
		{"name": "app", "containerType": "container", "livenessProbe": {"httpGet": {"host": "10.0.0.1", "port": 80}}, "readinessProbe": {"tcpSocket": {"host": "localhost", "port": 80}}},
		{"name": "init", "containerType": "initContainer", "startupProbe": {"httpGet": {"host": "169.254.169.254", "port": 80}}},
	])
}

test_lifecycle_hosts if {
	host_probe.deny == {
		{"msg": "ephemeralContainer \"dbg\" of Deployment \"web\" sets lifecycle.postStart.httpGet.host to \"node.example.com\": probes and lifecycle hooks must target the pod itself", "path": ["containers", 0, "lifecycle", "postStart", "httpGet", "host"]},
		{"msg": "ephemeralContainer \"dbg\" of Deployment \"web\" sets lifecycle.preStop.tcpSocket.host to \"127.0.0.1\": probes and lifecycle hooks must target the pod itself", "path": ["containers", 0, "lifecycle", "preStop", "tcpSocket", "host"]},
	} with input as doc([{"name": "dbg", "containerType": "ephemeralContainer", "lifecycle": {
		"postStart": {"httpGet": {"host": "node.example.com", "port": 80}},
		"preStop": {"tcpSocket": {"host": "127.0.0.1", "port": 80}},
	}}])
}

test_no_host_quiet if {
	count(host_probe.deny) == 0 with input as doc([{
		"name": "app", "containerType": "container",
		"livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080, "httpHeaders": [{"name": "Host", "value": "example.com"}]}},
		"readinessProbe": {"tcpSocket": {"port": 8080, "host": ""}},
		"startupProbe": {"exec": {"command": ["true"]}},
		"lifecycle": {"preStop": {"exec": {"command": ["sleep", "5"]}}, "postStart": {"httpGet": {"port": 80, "host": null}}},
	}])
	count(host_probe.deny) == 0 with input as doc([{"name": "app", "containerType": "container", "livenessProbe": {"grpc": {"port": 9000}}, "lifecycle": {"preStop": {"sleep": {"seconds": 5}}}}])
}
