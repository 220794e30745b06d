package shiplint.kubernetes.host_port_test

import data.shiplint.kubernetes.host_port

doc(cs) := {"resourceKind": "DaemonSet", "name": "d", "podSpec": {}, "containers": cs}

test_fires if {
	host_port.deny == {{"msg": "container \"c\" of DaemonSet \"d\" binds host port 8080", "path": ["containers", 0, "ports", 1, "hostPort"]}} with input as doc([{"name": "c", "containerType": "container", "ports": [{"containerPort": 80}, {"containerPort": 8080, "hostPort": 8080}]}])
}

test_zero_quiet if {
	count(host_port.deny) == 0 with input as doc([{"name": "c", "containerType": "container", "ports": [{"containerPort": 80, "hostPort": 0}]}])
}
