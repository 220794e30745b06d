package shiplint.kubernetes.controller_manager_bind_address_test

import data.shiplint.kubernetes.controller_manager_bind_address as rule

pod(command) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "kcm", "podSpec": {}, "resource": {}, "containers": [{"name": "kcm", "containerType": "container", "command": command}]}

test_pod if {
	rule.deny == {{"msg": "kube-controller-manager in container \"kcm\" of Pod \"kcm\" listens on all interfaces (--bind-address is not set and defaults to 0.0.0.0)", "path": ["containers", 0]}} with input as pod(["kube-controller-manager"])
	rule.deny == {{"msg": "kube-controller-manager in container \"kcm\" of Pod \"kcm\" listens on a non-loopback address (--bind-address=0.0.0.0)", "path": ["containers", 0, "command", 1]}} with input as pod(["kube-controller-manager", "--bind-address", "0.0.0.0"])
	count(rule.deny) == 0 with input as pod(["kube-controller-manager", "--bind-address=127.0.0.1"])
	count(rule.deny) == 0 with input as pod(["kube-controller-manager", "--bind-address=::1"])
}

test_kubeadm if {
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
	count(rule.deny) == 1 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {"controllerManager": {"extraArgs": {"bind-address": "0.0.0.0"}}}}
}
