package shiplint.kubernetes.rbac_escalate_bind_impersonate_test

import data.shiplint.kubernetes.rbac_escalate_bind_impersonate

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_escalate_bind_impersonate.deny == {
		{"msg": "ClusterRole \"r\" rule 0 grants bind on clusterroles", "path": ["resource", "rules", 0, "verbs", 1]},
		{"msg": "ClusterRole \"r\" rule 1 grants impersonate on users, groups", "path": ["resource", "rules", 1, "verbs", 0]},
	} with input as doc([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["get", "bind"]}, {"apiGroups": [""], "resources": ["users", "groups"], "verbs": ["Impersonate"]}])
}

test_quiet if {
	count(rbac_escalate_bind_impersonate.deny) == 0 with input as doc([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["get", "list"]}])
}
