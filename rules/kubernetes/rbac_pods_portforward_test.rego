package shiplint.kubernetes.rbac_pods_portforward_test

import data.shiplint.kubernetes.rbac_pods_portforward

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_pods_portforward.deny == {{"msg": "ClusterRole \"r\" rule 1 grants create on pods/portforward", "path": ["resource", "rules", 1, "resources", 2]}} with input as doc([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]}, {"apiGroups": [""], "resources": ["pods", "services", "pods/portforward"], "verbs": ["create"]}])
	rbac_pods_portforward.deny == {{"msg": "ClusterRole \"r\" rule 0 grants get on pods/portforward", "path": ["resource", "rules", 0, "resources", 0]}} with input as doc([{"apiGroups": ["*"], "resources": ["*/portforward"], "verbs": ["get", "list"]}])
	rbac_pods_portforward.deny == {{"msg": "ClusterRole \"r\" rule 0 grants \"*\" on pods/portforward", "path": ["resource", "rules", 0, "resources", 0]}} with input as doc([{"apiGroups": [""], "resources": ["pods/portforward"], "verbs": ["*"]}])
}

test_quiet if {
	count(rbac_pods_portforward.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["pods", "services/proxy"], "verbs": ["create", "get"]}])
	count(rbac_pods_portforward.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["pods/portforward"], "verbs": ["list", "watch"]}])
	count(rbac_pods_portforward.deny) == 0 with input as doc([{"apiGroups": ["example.io"], "resources": ["pods/portforward"], "verbs": ["create"]}])
	count(rbac_pods_portforward.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": [""], "resources": ["pods/portforward"], "verbs": ["create"]}]}}
}
