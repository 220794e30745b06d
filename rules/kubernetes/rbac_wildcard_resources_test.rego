package shiplint.kubernetes.rbac_wildcard_resources_test

import data.shiplint.kubernetes.rbac_wildcard_resources

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_wildcard_resources.deny == {{"msg": "ClusterRole \"r\" rule 1 uses a wildcard in resources", "path": ["resource", "rules", 1, "resources", 1]}} with input as doc([
		{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]},
		object.union({"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get"]}, {"resources": ["x", "*"]}),
	])
}

test_full_wildcard_left_to_ks042 if {
	count(rbac_wildcard_resources.deny) == 0 with input as doc([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	count(rbac_wildcard_resources.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"verbs": ["*"]}]}}
}
