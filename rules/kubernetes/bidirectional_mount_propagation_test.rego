package shiplint.kubernetes.bidirectional_mount_propagation_test

import data.shiplint.kubernetes.bidirectional_mount_propagation

doc(mounts) := {"resourceKind": "DaemonSet", "name": "d", "podSpec": {}, "containers": [{"name": "a", "containerType": "container", "volumeMounts": mounts}]}

test_fires if {
	bidirectional_mount_propagation.deny == {{"msg": "container \"a\" of DaemonSet \"d\" mounts volume \"v\" with Bidirectional mount propagation", "path": ["containers", 0, "volumeMounts", 0, "mountPropagation"]}} with input as doc([{"name": "v", "mountPath": "/x", "mountPropagation": "Bidirectional"}])
}

test_quiet if {
	count(bidirectional_mount_propagation.deny) == 0 with input as doc([{"name": "v", "mountPath": "/x", "mountPropagation": "HostToContainer"}])
}
