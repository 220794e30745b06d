package shiplint.compose.host_cgroup_test

import data.shiplint.compose.host_cgroup

test_host_fires if {
	host_cgroup.deny == {{"msg": "Service \"app\" shares the host's cgroup namespace (cgroup: host)", "path": ["services", "app", "cgroup"]}} with input as {"services": {"app": {"cgroup": "host"}}}
}

test_other_values_are_quiet if {
	count(host_cgroup.deny) == 0 with input as {"services": {"a": {"cgroup": "service:b"}, "b": {"cgroup": "private"}, "c": {}, "d": {"environment": {"cgroup": "host"}}}}
}
