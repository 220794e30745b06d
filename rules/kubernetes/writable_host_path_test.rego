package shiplint.kubernetes.writable_host_path_test

import data.shiplint.kubernetes.writable_host_path

doc(mounts) := {"resourceKind": "DaemonSet", "name": "d", "podSpec": {"volumes": [{"name": "h", "hostPath": {"path": "/var/log"}}, {"name": "e", "emptyDir": {}}]}, "containers": [{"name": "a", "containerType": "container", "volumeMounts": mounts}]}

test_fires if {
	writable_host_path.deny == {{"msg": "container \"a\" of DaemonSet \"d\" mounts hostPath volume \"h\" writable at /logs", "path": ["containers", 0, "volumeMounts", 1, "readOnly"]}} with input as doc([{"name": "e", "mountPath": "/tmp"}, {"name": "h", "mountPath": "/logs"}])
}

test_read_only_quiet if {
	count(writable_host_path.deny) == 0 with input as doc([{"name": "h", "mountPath": "/logs", "readOnly": true}])
}
