package shiplint.compose.cgroup_parent_test

import data.shiplint.compose.cgroup_parent

test_fires if {
	cgroup_parent.deny == {{"msg": "Service \"a\" runs under the custom cgroup parent \"/system.slice\"", "path": ["services", "a", "cgroup_parent"]}} with input as {"services": {"a": {"cgroup_parent": "/system.slice"}, "b": {"cgroup_parent": ""}, "c": {}}}
}
