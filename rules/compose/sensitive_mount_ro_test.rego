package shiplint.compose.sensitive_mount_ro_test

import data.shiplint.compose.sensitive_mount_ro

vol(src, ro) := {"type": "bind", "source": src, "target": "/host", "read_only": ro}

test_ro_fires if {
	sensitive_mount_ro.deny == {{"msg": "Service \"a\" mounts the host's /proc (read-only)", "path": ["services", "a", "volumes", 1]}} with input as {"services": {"a": {"volumes": [vol("/", false), vol("/proc", true), vol("/etc/timezone", true)]}}}
}
