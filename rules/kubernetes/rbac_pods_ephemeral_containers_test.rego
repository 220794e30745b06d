package shiplint.kubernetes.rbac_pods_ephemeral_containers_test

import data.shiplint.kubernetes.rbac_pods_ephemeral_containers

doc(rules) := {"resourceKind": "Role", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_pods_ephemeral_containers.deny == {{"msg": "Role \"r\" rule 1 grants patch, update on pods/ephemeralcontainers", "path": ["resource", "rules", 1, "resources", 1]}} with input as doc([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["pods", "pods/ephemeralcontainers"], "verbs": ["get", "update", "patch"]}])
	rbac_pods_ephemeral_containers.deny == {{"msg": "Role \"r\" rule 0 grants \"*\" on pods/ephemeralcontainers", "path": ["resource", "rules", 0, "resources", 0]}} with input as doc([{"apiGroups": ["*"], "resources": ["*/ephemeralcontainers"], "verbs": ["*"]}])
}

test_quiet if {
	count(rbac_pods_ephemeral_containers.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["pods/ephemeralcontainers"], "verbs": ["get", "list", "watch"]}])
	count(rbac_pods_ephemeral_containers.deny) == 0 with input as doc([{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["update", "patch"]}])
	count(rbac_pods_ephemeral_containers.deny) == 0 with input as doc([{"apiGroups": ["apps"], "resources": ["pods/ephemeralcontainers"], "verbs": ["patch"]}])
	count(rbac_pods_ephemeral_containers.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": [""], "resources": ["pods/ephemeralcontainers"], "verbs": ["patch"]}]}}
}
