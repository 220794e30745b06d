package shiplint.compose.host_ipc_test

import data.shiplint.compose.host_ipc

test_host_fires if {
	host_ipc.deny == {{"msg": "Service \"app\" shares the host's IPC namespace (ipc: host)", "path": ["services", "app", "ipc"]}} with input as {"services": {"app": {"ipc": "host"}}}
}

test_other_values_are_quiet if {
	count(host_ipc.deny) == 0 with input as {"services": {"a": {"ipc": "service:b"}, "b": {"ipc": "private"}, "c": {}, "d": {"environment": {"ipc": "host"}}}}
}
