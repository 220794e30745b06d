package shiplint.kubernetes.default_namespace_test

import data.shiplint.kubernetes.default_namespace

test_fires if {
	default_namespace.deny == {{"msg": "Service \"s\" is placed in the default namespace", "path": ["namespace"]}} with input as {"resourceKind": "Service", "name": "s", "namespace": "default"}
}

test_quiet if {
	count(default_namespace.deny) == 0 with input as {"resourceKind": "Service", "name": "s", "namespace": null}
	count(default_namespace.deny) == 0 with input as {"resourceKind": "Service", "name": "s", "namespace": "web"}
	count(default_namespace.deny) == 0 with input as {"resourceKind": "ClusterRole", "name": "s", "namespace": "default", "clusterScoped": true}
}
