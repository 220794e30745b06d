package shiplint.kubernetes.cluster_admin_binding_test

import data.shiplint.kubernetes.cluster_admin_binding

doc(kind, ref, subjects) := {"resourceKind": kind, "name": "b", "resource": {"roleRef": ref, "subjects": subjects}}

test_fires if {
	cluster_admin_binding.deny == {{"msg": "ClusterRoleBinding \"b\" binds cluster-admin to ServiceAccount ci", "path": ["resource", "roleRef", "name"]}} with input as doc("ClusterRoleBinding", {"kind": "ClusterRole", "name": "cluster-admin"}, [{"kind": "ServiceAccount", "name": "ci", "namespace": "ci"}])
	count(cluster_admin_binding.deny) == 1 with input as doc("RoleBinding", {"kind": "ClusterRole", "name": "cluster-admin"}, [{"kind": "User", "name": "alice"}])
}

test_quiet if {
	count(cluster_admin_binding.deny) == 0 with input as doc("ClusterRoleBinding", {"kind": "ClusterRole", "name": "admin"}, [{"kind": "User", "name": "alice"}])
	count(cluster_admin_binding.deny) == 0 with input as doc("ClusterRoleBinding", {"kind": "ClusterRole", "name": "cluster-admin"}, [{"kind": "Group", "name": "system:masters"}])
	count(cluster_admin_binding.deny) == 0 with input as doc("ClusterRole", {"kind": "ClusterRole", "name": "cluster-admin"}, [])
}
