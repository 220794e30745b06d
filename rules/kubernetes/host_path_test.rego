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

pv(spec) := {"resourceKind": "PersistentVolume", "name": "data", "clusterScoped": true, "resource": {"kind": "PersistentVolume", "metadata": {"name": "data"}, "spec": spec}}

test_persistent_volume_host_path_fires if {
	host_path.deny == {{"msg": "PersistentVolume \"data\" uses hostPath \"/mnt/data\" from the node: any pod that claims it mounts that directory", "path": ["resource", "spec", "hostPath"]}} with input as pv({"capacity": {"storage": "1Gi"}, "hostPath": {"path": "/mnt/data", "type": "DirectoryOrCreate"}})
}

test_persistent_volume_other_sources_quiet if {
	count(host_path.deny) == 0 with input as pv({"nfs": {"server": "nfs.example.com", "path": "/exports"}})
	count(host_path.deny) == 0 with input as pv({"csi": {"driver": "ebs.csi.aws.com", "volumeHandle": "vol-1"}})
	count(host_path.deny) == 0 with input as pv({"local": {"path": "/mnt/disks/ssd1"}})
}

test_host_path_of_other_kinds_quiet if {
	count(host_path.deny) == 0 with input as {"resourceKind": "PersistentVolumeClaim", "name": "c", "resource": {"spec": {"hostPath": {"path": "/"}}}}
}
