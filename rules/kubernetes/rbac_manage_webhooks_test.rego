package shiplint.kubernetes.rbac_manage_webhooks_test

import data.shiplint.kubernetes.rbac_manage_webhooks

doc(rules) := {"resourceKind": "ClusterRole", "name": "r", "resource": {"rules": rules}}

test_fires if {
	rbac_manage_webhooks.deny == {{"msg": "ClusterRole \"r\" rule 1 grants patch on admission webhook configurations", "path": ["resource", "rules", 1, "resources", 0]}} with input as doc([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations"], "verbs": ["patch", "get"]}])
}

test_quiet if {
	count(rbac_manage_webhooks.deny) == 0 with input as doc([{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingwebhookconfigurations"], "verbs": ["update"], "resourceNames": ["my-webhook"]}])
	count(rbac_manage_webhooks.deny) == 0 with input as {"resourceKind": "RoleBinding", "name": "b", "resource": {"rules": [{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations"], "verbs": ["patch", "get"]}]}}
}
