package shiplint.kubernetes.rbac_read_secrets_test

import data.shiplint.kubernetes.rbac_read_secrets

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_read_secrets.deny == {{"msg": "ClusterRole \"r\" rule 1 grants read access (get, list) to Secrets", "path": ["resource", "rules", 1, "resources", 1]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["configmaps", "secrets"], "verbs": ["get", "list"]}])
}

test_quiet if {
	count(rbac_read_secrets.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"], "resourceNames": ["tls"]}])
	count(rbac_read_secrets.deny) == 0 with input as doc([{"apiGroups": ["apps"], "resources": ["secrets"], "verbs": ["get"]}])
	count(rbac_read_secrets.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["create", "delete"]}])
	count(rbac_read_secrets.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": [""], "resources": ["configmaps", "secrets"], "verbs": ["get", "list"]}]}}
}
