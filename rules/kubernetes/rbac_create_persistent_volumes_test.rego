package shiplint.kubernetes.rbac_create_persistent_volumes_test

import data.shiplint.kubernetes.rbac_create_persistent_volumes

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_create_persistent_volumes.deny == {{"msg": "ClusterRole \"r\" rule 1 grants create on persistentvolumes", "path": ["resource", "rules", 1, "resources", 1]}} with input as doc([{"apiGroups": [""], "resources": ["persistentvolumes"], "verbs": ["get", "list", "watch"]}, {"apiGroups": [""], "resources": ["persistentvolumeclaims", "persistentvolumes"], "verbs": ["get", "create", "delete"]}])
	rbac_create_persistent_volumes.deny == {{"msg": "ClusterRole \"r\" rule 0 grants \"*\" on persistentvolumes", "path": ["resource", "rules", 0, "resources", 0]}} with input as doc([{"apiGroups": ["*"], "resources": ["persistentvolumes"], "verbs": ["*"]}])
}

test_quiet if {
	# Claims are how users should ask for storage.
	count(rbac_create_persistent_volumes.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["persistentvolumeclaims"], "verbs": ["create"]}])
	# Updating (status, finalizers) or deleting volumes does not create a hostPath one.
	count(rbac_create_persistent_volumes.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["persistentvolumes", "persistentvolumes/status"], "verbs": ["get", "update", "patch", "delete"]}])
	count(rbac_create_persistent_volumes.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["persistentvolumes"], "verbs": ["create"], "resourceNames": ["pv-1"]}])
	count(rbac_create_persistent_volumes.deny) == 0 with input as doc([{"apiGroups": ["storage.example.io"], "resources": ["persistentvolumes"], "verbs": ["create"]}])
	count(rbac_create_persistent_volumes.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": [""], "resources": ["persistentvolumes"], "verbs": ["create"]}]}}
}
