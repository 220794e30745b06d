package shiplint.kubernetes.controller_manager_root_ca_test

import data.shiplint.kubernetes.controller_manager_root_ca as rule

pod(command) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "kcm", "podSpec": {}, "resource": {}, "containers": [{"name": "kcm", "containerType": "container", "command": command}]}

test_pod if {
	rule.deny == {{"msg": "kube-controller-manager in container \"kcm\" of Pod \"kcm\" publishes no root CA to pods (--root-ca-file is not set)", "path": ["containers", 0]}} with input as pod(["kube-controller-manager"])
	count(rule.deny) == 0 with input as pod(["kube-controller-manager", "--root-ca-file", "/etc/kubernetes/pki/ca.crt"])
}

test_kubeadm if {
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
	count(rule.deny) == 1 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {"controllerManager": {"extraArgs": {"root-ca-file": ""}}}}
}
