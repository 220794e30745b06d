package shiplint.kubernetes.rbac_pods_attach_test

import data.shiplint.kubernetes.rbac_pods_attach

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_pods_attach.deny == {{"msg": "ClusterRole \"r\" rule 1 grants create on pods/attach", "path": ["resource", "rules", 1, "resources", 0]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": ["*"], "resources": ["pods/attach"], "verbs": ["create"]}])
}

test_quiet if {
	count(rbac_pods_attach.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["pods/attach"], "verbs": ["list"]}])
	count(rbac_pods_attach.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": ["*"], "resources": ["pods/attach"], "verbs": ["create"]}]}}
}
