package shiplint.kubernetes.sensitive_host_path_test

import data.shiplint.kubernetes.sensitive_host_path

doc(vols) := {"resourceKind": "DaemonSet", "name": "d", "podSpec": {"volumes": vols}, "containers": []}

test_fires if {
	sensitive_host_path.deny == {
		{"msg": "DaemonSet \"d\" mounts sensitive host path \"/etc/\" (volume \"a\")", "path": ["podSpec", "volumes", 0, "hostPath", "path"]},
		{"msg": "DaemonSet \"d\" mounts sensitive host path \"/var/lib/kubelet/pods\" (volume \"b\")", "path": ["podSpec", "volumes", 1, "hostPath", "path"]},
	} with input as doc([{"name": "a", "hostPath": {"path": "/etc/"}}, {"name": "b", "hostPath": {"path": "/var/lib/kubelet/pods"}}])
}

test_narrow_quiet if {
	count(sensitive_host_path.deny) == 0 with input as doc([{"name": "tz", "hostPath": {"path": "/etc/localtime"}}, {"name": "log", "hostPath": {"path": "/var/log"}}, {"name": "s", "hostPath": {"path": "/var/run/docker.sock"}}, {"name": "csi", "hostPath": {"path": "/var/lib/kubelet/plugins/csi.example.com"}}, {"name": "reg", "hostPath": {"path": "/var/lib/kubelet/plugins_registry"}}])
}

pv(path) := {"resourceKind": "PersistentVolume", "name": "data", "resource": {"spec": {"hostPath": {"path": path}}}}

test_persistent_volume_fires if {
	sensitive_host_path.deny == {{"msg": "PersistentVolume \"data\" uses sensitive host path \"/var/lib/kubelet//\": any pod that claims it mounts that directory of the node", "path": ["resource", "spec", "hostPath", "path"]}} with input as pv("/var/lib/kubelet//")
	count(sensitive_host_path.deny) == 1 with input as pv("/")
}

test_persistent_volume_narrow_quiet if {
	count(sensitive_host_path.deny) == 0 with input as pv("/mnt/data")
	count(sensitive_host_path.deny) == 0 with input as pv("/var/lib/kubelet/plugins/csi.example.com")
}
