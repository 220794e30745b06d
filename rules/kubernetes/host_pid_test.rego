package shiplint.kubernetes.host_pid_test

import data.shiplint.kubernetes.host_pid

test_fires if {
	{plain(f) | some f in host_pid.deny} == {{"msg": "DaemonSet \"agent\" sets hostPID: true", "path": ["podSpec", "hostPID"]}} with input as {"resourceKind": "DaemonSet", "name": "agent", "podSpec": {"hostPID": true}, "containers": []}
}

test_false_or_unset_quiet if {
	count(host_pid.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"hostPID": false}, "containers": []}
	count(host_pid.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": []}
	count(host_pid.deny) == 0 with input as {"resourceKind": "Service", "name": "s", "resource": {"spec": {"hostPID": true}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in host_pid.deny} == {{"description": "Set hostPID: false", "ops": [{"path": ["podSpec", "hostPID"], "set": false}]}} with input as {"resourceKind": "DaemonSet", "name": "agent", "podSpec": {"hostPID": true}, "containers": []}
}
