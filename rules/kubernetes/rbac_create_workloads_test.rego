package shiplint.kubernetes.rbac_create_workloads_test

import data.shiplint.kubernetes.rbac_create_workloads

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_create_workloads.deny == {{"msg": "ClusterRole \"r\" rule 1 grants create, update on workload controllers", "path": ["resource", "rules", 1, "resources", 0]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["create", "update", "get"]}])
}

test_quiet if {
	count(rbac_create_workloads.deny) == 0 with input as doc([{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get", "list", "watch", "delete"]}])
	count(rbac_create_workloads.deny) == 0 with input as doc([{"apiGroups": ["apps"], "resources": ["deployments/scale"], "verbs": ["update"]}])
	count(rbac_create_workloads.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["create", "update", "get"]}]}}
}
