package shiplint.kubernetes.rbac_manage_rbac_test

import data.shiplint.kubernetes.rbac_manage_rbac

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_manage_rbac.deny == {{"msg": "ClusterRole \"r\" rule 1 grants create on RBAC objects", "path": ["resource", "rules", 1, "resources", 0]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings"], "verbs": ["create", "get"]}])
}

test_quiet if {
	count(rbac_manage_rbac.deny) == 0 with input as doc([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["get", "list", "watch"]}])
	count(rbac_manage_rbac.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings"], "verbs": ["create", "get"]}]}}
}
