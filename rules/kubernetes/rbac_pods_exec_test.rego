package shiplint.kubernetes.rbac_pods_exec_test

import data.shiplint.kubernetes.rbac_pods_exec

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_pods_exec.deny == {{"msg": "ClusterRole \"r\" rule 1 grants get on pods/exec", "path": ["resource", "rules", 1, "resources", 1]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["pods", "pods/exec"], "verbs": ["get"]}])
}

test_quiet if {
	count(rbac_pods_exec.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["pods"], "verbs": ["create"]}])
	count(rbac_pods_exec.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["pods/log"], "verbs": ["get"]}])
	count(rbac_pods_exec.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": [""], "resources": ["pods", "pods/exec"], "verbs": ["get"]}]}}
}
