package shiplint.kubernetes.controller_manager_sa_private_key_test

import data.shiplint.kubernetes.controller_manager_sa_private_key as rule

pod(command) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "kcm", "podSpec": {}, "resource": {}, "containers": [{"name": "kcm", "containerType": "container", "command": command}]}

test_pod if {
	rule.deny == {{"msg": "kube-controller-manager in container \"kcm\" of Pod \"kcm\" has no service account private key (--service-account-private-key-file is not set)", "path": ["containers", 0]}} with input as pod(["kube-controller-manager"])
	rule.deny == {{"msg": "kube-controller-manager in container \"kcm\" of Pod \"kcm\" has no service account private key (--service-account-private-key-file is empty)", "path": ["containers", 0, "command", 1]}} with input as pod(["kube-controller-manager", "--service-account-private-key-file="])
	count(rule.deny) == 0 with input as pod(["kube-controller-manager", "--service-account-private-key-file=/etc/kubernetes/pki/sa.key"])
}

test_kubeadm_quiet if {
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
}
