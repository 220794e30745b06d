package shiplint.kubernetes.controller_manager_sa_credentials_test

import data.shiplint.kubernetes.controller_manager_sa_credentials as rule

pod(command) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "kcm", "podSpec": {}, "resource": {}, "containers": [{"name": "kcm", "containerType": "container", "command": command}]}

kubeadm(resource) := {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": "prod", "resource": resource}

test_pod if {
	rule.deny == {{"msg": "kube-controller-manager in container \"kcm\" of Pod \"kcm\" runs every controller with its own credentials (--use-service-account-credentials is not set and defaults to false)", "path": ["containers", 0]}} with input as pod(["kube-controller-manager"])
	rule.deny == {{"msg": "kube-controller-manager in container \"kcm\" of Pod \"kcm\" runs every controller with its own credentials (--use-service-account-credentials=false)", "path": ["containers", 0, "command", 1]}} with input as pod(["kube-controller-manager", "--use-service-account-credentials=false"])
	count(rule.deny) == 0 with input as pod(["kube-controller-manager", "--use-service-account-credentials=true"])
}

test_kubeadm if {
	count(rule.deny) == 0 with input as kubeadm({})
	rule.deny == {{"msg": "kube-controller-manager in kubeadm ClusterConfiguration \"prod\" runs every controller with its own credentials (--use-service-account-credentials=false)", "path": ["resource", "controllerManager", "extraArgs", "use-service-account-credentials"]}} with input as kubeadm({"controllerManager": {"extraArgs": {"use-service-account-credentials": "false"}}})
}
