package shiplint.kubernetes.kubelet_read_only_port_test

import data.shiplint.kubernetes.kubelet_read_only_port as rule

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": null, "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config_port if {
	{plain(f) | some f in rule.deny} == {{"msg": "KubeletConfiguration serves the unauthenticated read-only port 10255 (readOnlyPort: 10255)", "path": ["resource", "readOnlyPort"]}} with input as cfg({"readOnlyPort": 10255})
	count(rule.deny) == 1 with input as cfg({"readOnlyPort": "10255"})
}

test_config_quiet if {
	count(rule.deny) == 0 with input as cfg({})
	count(rule.deny) == 0 with input as cfg({"readOnlyPort": 0})
}

test_flags if {
	{plain(f) | some f in rule.deny} == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" serves the unauthenticated read-only port 10255 (--read-only-port is not set and defaults to 10255)", "path": ["containers", 0]}} with input as pod({"command": ["kubelet"]})
	{plain(f) | some f in rule.deny} == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" serves the unauthenticated read-only port 10266 (--read-only-port=10266)", "path": ["containers", 0, "command", 1]}} with input as pod({"command": ["kubelet", "--read-only-port=10266"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--read-only-port", "0"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--config", "/etc/kubelet.yaml"]})
}

test_kubeadm_kubelet_extra_args if {
	{plain(f) | some f in rule.deny} == {{"msg": "kubelet of kubeadm JoinConfiguration serves the unauthenticated read-only port 10255 (--read-only-port=10255)", "path": ["resource", "nodeRegistration", "kubeletExtraArgs", 0, "value"]}} with input as {"apiVersion": "kubeadm.k8s.io/v1beta4", "resourceKind": "JoinConfiguration", "name": null, "resource": {"nodeRegistration": {"kubeletExtraArgs": [{"name": "read-only-port", "value": "10255"}]}}}
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "JoinConfiguration", "name": null, "resource": {"nodeRegistration": {"kubeletExtraArgs": {"cgroup-driver": "systemd"}}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in rule.deny} == {{"description": "Set the read-only port to 0", "ops": [{"path": ["resource", "readOnlyPort"], "set": 0}]}} with input as cfg({"readOnlyPort": 10255})
}
