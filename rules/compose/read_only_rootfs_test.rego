package shiplint.compose.read_only_rootfs_test

import data.shiplint.compose.read_only_rootfs

test_missing_and_false_fire if {
	read_only_rootfs.deny == {
		{"msg": "Service \"a\" does not set read_only: true: its root filesystem is writable", "path": ["services", "a", "read_only"]},
		{"msg": "Service \"b\" does not set read_only: true: its root filesystem is writable", "path": ["services", "b", "read_only"]},
	} with input as {"services": {"a": {"image": "x"}, "b": {"image": "x", "read_only": false}, "c": {"image": "x", "read_only": true}, "d": {"image": "x", "read_only": "${RO}"}, "e": {"environment": {}}}}
}
