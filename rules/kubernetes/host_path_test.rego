package shiplint.kubernetes.host_path_test

import data.shiplint.kubernetes.host_path

test_host_path_fires if {
	host_path.deny == {{"msg": "DaemonSet \"agent\" mounts hostPath \"/var/log\" from the node (volume \"logs\")", "path": ["podSpec", "volumes", 1, "hostPath"]}} with input as {"resourceKind": "DaemonSet", "name": "agent", "podSpec": {"volumes": [{"name": "tmp", "emptyDir": {}}, {"name": "logs", "hostPath": {"path": "/var/log"}}]}}
}

test_other_volumes_are_quiet if {
	count(host_path.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"volumes": [{"name": "c", "configMap": {"name": "x"}}]}}
}

test_no_pod_spec_is_quiet if {
	count(host_path.deny) == 0 with input as {"resourceKind": "Service", "name": "s"}
}
