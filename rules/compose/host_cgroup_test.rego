package shiplint.compose.host_cgroup_test

import data.shiplint.compose.host_cgroup

test_host_fires if {
	{plain(f) | some f in host_cgroup.deny} == {{"msg": "Service \"app\" shares the host's cgroup namespace (cgroup: host)", "path": ["services", "app", "cgroup"]}} with input as {"services": {"app": {"cgroup": "host"}}}
}

test_other_values_are_quiet if {
	count(host_cgroup.deny) == 0 with input as {"services": {"a": {"cgroup": "service:b"}, "b": {"cgroup": "private"}, "c": {}, "d": {"environment": {"cgroup": "host"}}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in host_cgroup.deny} == {{"description": "Set cgroup: private", "ops": [{"path": ["services", "app", "cgroup"], "set": "private"}]}} with input as {"services": {"app": {"cgroup": "host"}}}
}
