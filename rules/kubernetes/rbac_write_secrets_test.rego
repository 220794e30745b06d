package shiplint.kubernetes.rbac_write_secrets_test

import data.shiplint.kubernetes.rbac_write_secrets

doc(rules) := {"resourceKind": "Role", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_write_secrets.deny == {{"msg": "Role \"r\" rule 1 grants write access (create, patch) to Secrets", "path": ["resource", "rules", 1, "resources", 1]}} with input as doc([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}, {"apiGroups": ["*"], "resources": ["configmaps", "secrets"], "verbs": ["get", "create", "patch"]}])
	rbac_write_secrets.deny == {{"msg": "Role \"r\" rule 0 grants write access (update) to Secrets", "path": ["resource", "rules", 0, "resources", 0]}} with input as doc([{"apiGroups": ["apps", ""], "resources": ["secrets", "configmaps", "secrets"], "verbs": ["update", "delete"], "resourceNames": []}])
}

test_quiet if {
	# Named Secrets only.
	count(rbac_write_secrets.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["update", "patch"], "resourceNames": ["tls"]}])
	# Reading and deleting are other rules' business.
	count(rbac_write_secrets.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list", "watch", "delete", "deletecollection"]}])
	# Another API group's "secrets".
	count(rbac_write_secrets.deny) == 0 with input as doc([{"apiGroups": ["external-secrets.io"], "resources": ["secrets"], "verbs": ["create"]}])
	# Wildcards are reported by KS043/KS044 (and KS046 for read access).
	count(rbac_write_secrets.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["*"]}])
	count(rbac_write_secrets.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["*"], "verbs": ["create"]}])
	# Not a role.
	count(rbac_write_secrets.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["create"]}]}}
}
