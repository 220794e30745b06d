package shiplint.kubernetes.host_ipc_test

import data.shiplint.kubernetes.host_ipc

test_fires if {
	{plain(f) | some f in host_ipc.deny} == {{"msg": "DaemonSet \"agent\" sets hostIPC: true", "path": ["podSpec", "hostIPC"]}} with input as {"resourceKind": "DaemonSet", "name": "agent", "podSpec": {"hostIPC": true}, "containers": []}
}

test_false_or_unset_quiet if {
	count(host_ipc.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"hostIPC": false}, "containers": []}
	count(host_ipc.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": []}
	count(host_ipc.deny) == 0 with input as {"resourceKind": "Service", "name": "s", "resource": {"spec": {"hostIPC": true}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in host_ipc.deny} == {{"description": "Set hostIPC: false", "ops": [{"path": ["podSpec", "hostIPC"], "set": false}]}} with input as {"resourceKind": "DaemonSet", "name": "agent", "podSpec": {"hostIPC": true}, "containers": []}
}
