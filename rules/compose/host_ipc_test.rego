package shiplint.compose.host_ipc_test

import data.shiplint.compose.host_ipc

test_host_fires if {
	{plain(f) | some f in host_ipc.deny} == {{"msg": "Service \"app\" shares the host's IPC namespace (ipc: host)", "path": ["services", "app", "ipc"]}} with input as {"services": {"app": {"ipc": "host"}}}
}

test_other_values_are_quiet if {
	count(host_ipc.deny) == 0 with input as {"services": {"a": {"ipc": "service:b"}, "b": {"ipc": "private"}, "c": {}, "d": {"environment": {"ipc": "host"}}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in host_ipc.deny} == {{"description": "Set ipc: private", "ops": [{"path": ["services", "app", "ipc"], "set": "private"}]}} with input as {"services": {"app": {"ipc": "host"}}}
}
