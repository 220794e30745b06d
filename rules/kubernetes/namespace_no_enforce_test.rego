package shiplint.kubernetes.namespace_no_enforce_test

import data.shiplint.kubernetes.namespace_no_enforce

test_fires if {
	namespace_no_enforce.deny == {{"msg": "Namespace \"n\" has no pod-security.kubernetes.io/enforce label", "path": ["resource", "metadata", "labels"]}} with input as {"resourceKind": "Namespace", "name": "n", "resource": {"metadata": {"name": "n", "labels": {"pod-security.kubernetes.io/warn": "restricted"}}}}
}

test_quiet if {
	count(namespace_no_enforce.deny) == 0 with input as {"resourceKind": "Namespace", "name": "n", "resource": {"metadata": {"labels": {"pod-security.kubernetes.io/enforce": "baseline"}}}}
	count(namespace_no_enforce.deny) == 0 with input as {"resourceKind": "ConfigMap", "name": "n", "resource": {}}
}
