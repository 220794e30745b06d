package shiplint.kubernetes.rbac_serviceaccount_token_test

import data.shiplint.kubernetes.rbac_serviceaccount_token

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_serviceaccount_token.deny == {{"msg": "ClusterRole \"r\" rule 1 grants create on serviceaccounts/token", "path": ["resource", "rules", 1, "resources", 0]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["serviceaccounts/token"], "verbs": ["create"]}])
	rbac_serviceaccount_token.deny == {{"msg": "ClusterRole \"r\" rule 0 grants \"*\" on serviceaccounts/token", "path": ["resource", "rules", 0, "resources", 1]}} with input as doc([{"apiGroups": ["*"], "resources": ["serviceaccounts", "*/token"], "verbs": ["*"], "resourceNames": []}])
}

test_quiet if {
	count(rbac_serviceaccount_token.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["serviceaccounts/token"], "verbs": ["create"], "resourceNames": ["deployer"]}])
	count(rbac_serviceaccount_token.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["serviceaccounts/*"], "verbs": ["create"]}])
	count(rbac_serviceaccount_token.deny) == 0 with input as doc([{"apiGroups": ["authentication.k8s.io"], "resources": ["serviceaccounts/token"], "verbs": ["create"]}])
	count(rbac_serviceaccount_token.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["serviceaccounts"], "verbs": ["create"]}])
	count(rbac_serviceaccount_token.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": [""], "resources": ["serviceaccounts/token"], "verbs": ["create"]}]}}
}
