package shiplint.kubernetes.binding_default_service_account_test

import data.shiplint.kubernetes.binding_default_service_account

doc(subjects) := {"resourceKind": "RoleBinding", "name": "b", "namespace": null, "resource": {"roleRef": {"kind": "Role", "name": "r"}, "subjects": subjects}}

test_fires if {
	binding_default_service_account.deny == {{"msg": "RoleBinding \"b\" grants \"r\" to the default service account of namespace \"web\"", "path": ["resource", "subjects", 0, "name"]}} with input as doc([{"kind": "ServiceAccount", "name": "default", "namespace": "web"}])
	count(binding_default_service_account.deny) == 1 with input as doc([{"kind": "ServiceAccount", "name": "default"}])
}

test_quiet if {
	count(binding_default_service_account.deny) == 0 with input as doc([{"kind": "ServiceAccount", "name": "web"}, {"kind": "User", "name": "default"}])
}
