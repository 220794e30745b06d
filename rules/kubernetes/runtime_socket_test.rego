package shiplint.kubernetes.runtime_socket_test

import data.shiplint.kubernetes.runtime_socket

doc(vols) := {"resourceKind": "DaemonSet", "name": "d", "podSpec": {"volumes": vols}, "containers": []}

test_fires if {
	runtime_socket.deny == {
		{"msg": "DaemonSet \"d\" mounts the container runtime socket through hostPath \"//var/run//docker.sock\" (volume \"a\")", "path": ["podSpec", "volumes", 0, "hostPath", "path"]},
		{"msg": "DaemonSet \"d\" mounts the container runtime socket through hostPath \"/run/containerd/\" (volume \"b\")", "path": ["podSpec", "volumes", 1, "hostPath", "path"]},
	} with input as doc([{"name": "a", "hostPath": {"path": "//var/run//docker.sock"}}, {"name": "b", "hostPath": {"path": "/run/containerd/"}}, {"name": "c", "hostPath": {"path": "/var/log"}}])
}

test_other_paths_quiet if {
	count(runtime_socket.deny) == 0 with input as doc([{"name": "c", "hostPath": {"path": "/var/run/secrets-store"}}, {"name": "d", "emptyDir": {}}])
}

pv(path) := {"resourceKind": "PersistentVolume", "name": "sock", "resource": {"spec": {"hostPath": {"path": path}}}}

test_persistent_volume_fires if {
	runtime_socket.deny == {{"msg": "PersistentVolume \"sock\" exposes the container runtime socket through hostPath \"/var/run/docker.sock\": any pod that claims it owns the node", "path": ["resource", "spec", "hostPath", "path"]}} with input as pv("/var/run/docker.sock")
}

test_persistent_volume_other_paths_quiet if {
	count(runtime_socket.deny) == 0 with input as pv("/srv/data")
}
