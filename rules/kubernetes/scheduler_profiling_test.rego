package shiplint.kubernetes.scheduler_profiling_test

import data.shiplint.kubernetes.scheduler_profiling as rule

pod(command) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "kube-scheduler", "podSpec": {}, "resource": {}, "containers": [{"name": "kube-scheduler", "containerType": "container", "command": command}]}

test_pod if {
	rule.deny == {{"msg": "kube-scheduler in container \"kube-scheduler\" of Pod \"kube-scheduler\" serves profiling data (--profiling is not set and defaults to true)", "path": ["containers", 0]}} with input as pod(["kube-scheduler", "--kubeconfig=/etc/kubernetes/scheduler.conf"])
	rule.deny == {{"msg": "kube-scheduler in container \"kube-scheduler\" of Pod \"kube-scheduler\" serves profiling data (--profiling=true)", "path": ["containers", 0, "command", 1]}} with input as pod(["kube-scheduler", "--profiling=true"])
	count(rule.deny) == 0 with input as pod(["kube-scheduler", "--profiling=false"])
}

test_config_file_quiet if {
	count(rule.deny) == 0 with input as pod(["kube-scheduler", "--config=/etc/kubernetes/scheduler-config.yaml"])
}

test_kubeadm if {
	rule.deny == {{"msg": "kube-scheduler in kubeadm ClusterConfiguration serves profiling data (--profiling is not set and defaults to true)", "path": ["resource", "scheduler"]}} with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
}
