package shiplint.kubernetes.binding_all_users_test

import data.shiplint.kubernetes.binding_all_users

doc(ref, subjects) := {"resourceKind": "ClusterRoleBinding", "name": "b", "resource": {"roleRef": ref, "subjects": subjects}}

test_fires if {
	binding_all_users.deny == {{"msg": "ClusterRoleBinding \"b\" grants clusterrole \"view\" to system:authenticated", "path": ["resource", "subjects", 1, "name"]}} with input as doc({"kind": "ClusterRole", "name": "view"}, [{"kind": "User", "name": "alice"}, {"kind": "Group", "name": "system:authenticated"}])
}

test_quiet if {
	count(binding_all_users.deny) == 0 with input as doc({"kind": "ClusterRole", "name": "system:public-info-viewer"}, [{"kind": "Group", "name": "system:unauthenticated"}])
	count(binding_all_users.deny) == 0 with input as doc({"kind": "ClusterRole", "name": "view"}, [{"kind": "Group", "name": "system:serviceaccounts:ci"}])
}
