package shiplint.kubernetes.binding_all_users_test

import data.shiplint.kubernetes.binding_all_users

doc(ref, subjects) := {"resourceKind": "ClusterRoleBinding", "name": "b", "resource": {"roleRef": ref, "subjects": subjects}}

test_fires if {
	binding_all_users.deny == {{"msg": "ClusterRoleBinding \"b\" grants clusterrole \"view\" to system:authenticated", "path": ["resource", "subjects", 1, "name"]}} with input as doc({"kind": "ClusterRole", "name": "view"}, [{"kind": "User", "name": "alice"}, {"kind": "Group", "name": "system:authenticated"}])
}

# cluster-admin is reported here too, once per subject, whatever kind the
# subject is written as.
test_fires_for_cluster_admin if {
	binding_all_users.deny == {
		{"msg": "ClusterRoleBinding \"b\" grants clusterrole \"cluster-admin\" to system:unauthenticated", "path": ["resource", "subjects", 0, "name"]},
		{"msg": "ClusterRoleBinding \"b\" grants clusterrole \"cluster-admin\" to system:anonymous", "path": ["resource", "subjects", 2, "name"]},
	} with input as doc({"kind": "ClusterRole", "name": "cluster-admin"}, [{"kind": "User", "name": "system:unauthenticated"}, {"kind": "ServiceAccount", "name": "ci", "namespace": "ci"}, {"kind": "Group", "name": "system:anonymous"}])
}

test_fires_for_all_service_accounts if {
	binding_all_users.deny == {{"msg": "ClusterRoleBinding \"b\" grants clusterrole \"edit\" to system:serviceaccounts", "path": ["resource", "subjects", 0, "name"]}} with input as doc({"kind": "ClusterRole", "name": "edit"}, [{"kind": "Group", "name": "system:serviceaccounts"}])
}

# A namespaced Role that happens to share a bootstrap ClusterRole's name is not the bootstrap binding.
test_fires_for_role_named_like_bootstrap if {
	count(binding_all_users.deny) == 1 with input as doc({"kind": "Role", "name": "system:discovery"}, [{"kind": "Group", "name": "system:unauthenticated"}])
}

test_quiet if {
	count(binding_all_users.deny) == 0 with input as doc({"kind": "ClusterRole", "name": "system:public-info-viewer"}, [{"kind": "Group", "name": "system:unauthenticated"}])
	count(binding_all_users.deny) == 0 with input as doc({"kind": "ClusterRole", "name": "view"}, [{"kind": "Group", "name": "system:serviceaccounts:ci"}])
	count(binding_all_users.deny) == 0 with input as doc({"kind": "ClusterRole", "name": "view"}, [{"kind": "User", "name": "system:anonymous-reader"}])
	count(binding_all_users.deny) == 0 with input as {"resourceKind": "ClusterRole", "name": "r", "resource": {"subjects": [{"kind": "Group", "name": "system:anonymous"}]}}
}
