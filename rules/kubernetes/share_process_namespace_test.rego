package shiplint.kubernetes.share_process_namespace_test

import data.shiplint.kubernetes.share_process_namespace

test_fires if {
	{plain(f) | some f in share_process_namespace.deny} == {{"msg": "Pod \"p\" shares one process namespace between its containers", "path": ["podSpec", "shareProcessNamespace"]}} with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"shareProcessNamespace": true}}
}

test_quiet if {
	count(share_process_namespace.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"shareProcessNamespace": false}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in share_process_namespace.deny} == {{"description": "Set shareProcessNamespace: false", "ops": [{"path": ["podSpec", "shareProcessNamespace"], "set": false}]}} with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"shareProcessNamespace": true}}
}
