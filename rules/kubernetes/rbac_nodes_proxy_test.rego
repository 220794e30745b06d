package shiplint.kubernetes.rbac_nodes_proxy_test

import data.shiplint.kubernetes.rbac_nodes_proxy

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_nodes_proxy.deny == {{"msg": "ClusterRole \"r\" rule 1 grants get on nodes/proxy", "path": ["resource", "rules", 1, "resources", 1]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["nodes/metrics", "nodes/proxy"], "verbs": ["get"]}])
}

test_quiet if {
	count(rbac_nodes_proxy.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["nodes/metrics", "nodes/stats"], "verbs": ["get"]}])
	count(rbac_nodes_proxy.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": [""], "resources": ["nodes/metrics", "nodes/proxy"], "verbs": ["get"]}]}}
}
