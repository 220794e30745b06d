package shiplint.kubernetes.controller_manager_profiling_test

import data.shiplint.kubernetes.controller_manager_profiling as rule

pod(command) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "kube-controller-manager", "podSpec": {}, "resource": {}, "containers": [{"name": "kube-controller-manager", "containerType": "container", "command": command}]}

kubeadm(resource) := {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": resource}

test_pod_missing if {
	rule.deny == {{"msg": "kube-controller-manager in container \"kube-controller-manager\" of Pod \"kube-controller-manager\" serves profiling data (--profiling is not set and defaults to true)", "path": ["containers", 0]}} with input as pod(["kube-controller-manager", "--bind-address=127.0.0.1"])
}

test_pod_true if {
	rule.deny == {{"msg": "kube-controller-manager in container \"kube-controller-manager\" of Pod \"kube-controller-manager\" serves profiling data (--profiling=true)", "path": ["containers", 0, "command", 1]}} with input as pod(["kube-controller-manager", "--profiling"])
}

test_pod_false_quiet if {
	count(rule.deny) == 0 with input as pod(["kube-controller-manager", "--profiling=false"])
	count(rule.deny) == 0 with input as pod(["kube-scheduler"])
}

test_kubeadm if {
	rule.deny == {{"msg": "kube-controller-manager in kubeadm ClusterConfiguration serves profiling data (--profiling is not set and defaults to true)", "path": ["resource", "controllerManager"]}} with input as kubeadm({})
	count(rule.deny) == 0 with input as kubeadm({"controllerManager": {"extraArgs": {"profiling": "false"}}})
	count(rule.deny) == 0 with input as object.union(kubeadm({}), {"apiVersion": "kubeadm.k8s.io/v1beta4", "resource": {"controllerManager": {"extraArgs": [{"name": "profiling", "value": "false"}]}}})
}
