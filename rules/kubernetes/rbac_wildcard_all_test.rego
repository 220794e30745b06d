package shiplint.kubernetes.rbac_wildcard_all_test

import data.shiplint.kubernetes.rbac_wildcard_all

doc(rules) := {"resourceKind": "Role", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_wildcard_all.deny == {{"msg": "Role \"r\" rule 1 grants every verb on every resource in every API group", "path": ["resource", "rules", 1]}} with input as doc([{"apiGroups": [""], "resources": ["*"], "verbs": ["get"]}, {"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
}

test_partial_quiet if {
	count(rbac_wildcard_all.deny) == 0 with input as doc([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["get", "list"]}])
}
