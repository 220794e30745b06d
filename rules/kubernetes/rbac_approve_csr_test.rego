package shiplint.kubernetes.rbac_approve_csr_test

import data.shiplint.kubernetes.rbac_approve_csr

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_approve_csr.deny == {{"msg": "ClusterRole \"r\" rule 1 grants update on certificatesigningrequests/approval", "path": ["resource", "rules", 1, "resources", 0]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]}])
}

test_quiet if {
	count(rbac_approve_csr.deny) == 0 with input as doc([{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests"], "verbs": ["create", "get"]}])
	count(rbac_approve_csr.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]}]}}
}
