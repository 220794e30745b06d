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
