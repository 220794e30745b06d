package shiplint.kubernetes.scheduler_bind_address_test

import data.shiplint.kubernetes.scheduler_bind_address as rule

pod(command) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "kube-scheduler", "podSpec": {}, "resource": {}, "containers": [{"name": "kube-scheduler", "containerType": "container", "command": command}]}

test_pod if {
	rule.deny == {{"msg": "kube-scheduler in container \"kube-scheduler\" of Pod \"kube-scheduler\" listens on all interfaces (--bind-address is not set and defaults to 0.0.0.0)", "path": ["containers", 0]}} with input as pod(["kube-scheduler"])
	rule.deny == {{"msg": "kube-scheduler in container \"kube-scheduler\" of Pod \"kube-scheduler\" listens on a non-loopback address (--bind-address=10.0.0.5)", "path": ["containers", 0, "command", 1]}} with input as pod(["kube-scheduler", "--bind-address=10.0.0.5"])
	count(rule.deny) == 0 with input as pod(["kube-scheduler", "--bind-address=127.0.0.1"])
}

test_kubeadm if {
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
	count(rule.deny) == 1 with input as {"apiVersion": "kubeadm.k8s.io/v1beta4", "resourceKind": "ClusterConfiguration", "name": null, "resource": {"scheduler": {"extraArgs": [{"name": "bind-address", "value": "0.0.0.0"}]}}}
}
