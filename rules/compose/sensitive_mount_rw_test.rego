package shiplint.compose.sensitive_mount_rw_test

import data.shiplint.compose.sensitive_mount_rw

vol(src, ro) := {"type": "bind", "source": src, "target": "/host", "read_only": ro}

test_rw_root_fires if {
	sensitive_mount_rw.deny == {{"msg": "Service \"a\" mounts the host's / read-write", "path": ["services", "a", "volumes", 0]}} with input as {"services": {"a": {"volumes": [vol("/", false), vol("/etc", true)]}}}
}

test_subpaths if {
	count(sensitive_mount_rw.deny) == 3 with input as {"services": {"a": {"volumes": [
		vol("/proc/sys", false), vol("/var/lib/docker/containers", false), vol("//etc//", false),
		vol("/etc/localtime", false), vol("/etc/nginx", false), vol("/home/me/src", false),
		vol("/var/run/docker.sock", false), {"type": "volume", "source": "etc", "read_only": false},
	]}}}
}
