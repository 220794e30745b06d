package shiplint.kubernetes.restricted_volume_types_test

import data.shiplint.kubernetes.restricted_volume_types

doc(vols) := {"resourceKind": "Pod", "name": "p", "podSpec": {"volumes": vols}, "containers": []}

test_fires if {
	restricted_volume_types.deny == {{"msg": "Pod \"p\" uses a nfs volume (\"share\"), which the Restricted standard does not allow", "path": ["podSpec", "volumes", 1, "nfs"]}} with input as doc([{"name": "tmp", "emptyDir": {}}, {"name": "share", "nfs": {"server": "nfs", "path": "/"}}])
}

test_allowed_and_hostpath_quiet if {
	count(restricted_volume_types.deny) == 0 with input as doc([{"name": "a", "projected": {"sources": []}}, {"name": "b", "hostPath": {"path": "/x"}}, {"name": "c", "persistentVolumeClaim": {"claimName": "x"}}, {"name": "d", "csi": {"driver": "x"}}])
}
