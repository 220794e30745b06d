package shiplint.kubernetes.rbac_create_pods_test

import data.shiplint.kubernetes.rbac_create_pods

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_create_pods.deny == {{"msg": "ClusterRole \"r\" rule 1 grants \"*\" on pods", "path": ["resource", "rules", 1, "resources", 1]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["services", "pods"], "verbs": ["*"]}])
}

test_quiet if {
	count(rbac_create_pods.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list", "delete"]}])
	count(rbac_create_pods.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["pods/log"], "verbs": ["create"]}])
	count(rbac_create_pods.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": [""], "resources": ["services", "pods"], "verbs": ["*"]}]}}
}
