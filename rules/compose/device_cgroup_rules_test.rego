package shiplint.compose.device_cgroup_rules_test

import data.shiplint.compose.device_cgroup_rules

test_fires if {
	device_cgroup_rules.deny == {
		{"msg": "Service \"a\" allows access to all block and character devices (device_cgroup_rules: \"a *:* rwm\")", "path": ["services", "a", "device_cgroup_rules", 0]},
		{"msg": "Service \"a\" allows access to all block devices (device_cgroup_rules: \"b *:* rmw\")", "path": ["services", "a", "device_cgroup_rules", 2]},
	} with input as {"services": {"a": {"device_cgroup_rules": ["a *:* rwm", "c 189:* rmw", "b *:* rmw"]}}}
}
