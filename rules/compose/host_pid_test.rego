package shiplint.compose.host_pid_test

import data.shiplint.compose.host_pid

test_host_fires if {
	host_pid.deny == {{"msg": "Service \"app\" shares the host's process namespace (pid: host)", "path": ["services", "app", "pid"]}} with input as {"services": {"app": {"pid": "host"}}}
}

test_other_values_are_quiet if {
	count(host_pid.deny) == 0 with input as {"services": {"a": {"pid": "service:b"}, "b": {"pid": "private"}, "c": {}, "d": {"environment": {"pid": "host"}}}}
}
