package shiplint.kubernetes.share_process_namespace_test

import data.shiplint.kubernetes.share_process_namespace

test_fires if {
	share_process_namespace.deny == {{"msg": "Pod \"p\" shares one process namespace between its containers", "path": ["podSpec", "shareProcessNamespace"]}} with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"shareProcessNamespace": true}}
}

test_quiet if {
	count(share_process_namespace.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"shareProcessNamespace": false}}
}
