package shiplint.kubernetes.kubelet_anonymous_auth_test

import data.shiplint.kubernetes.kubelet_anonymous_auth

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": null, "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config_enabled if {
	{plain(f) | some f in kubelet_anonymous_auth.deny} == {{"msg": "KubeletConfiguration allows anonymous requests to the kubelet API (authentication.anonymous.enabled: true)", "path": ["resource", "authentication", "anonymous", "enabled"]}} with input as cfg({"authentication": {"anonymous": {"enabled": true}}})
}

test_config_string_true if {
	count(kubelet_anonymous_auth.deny) == 1 with input as cfg({"authentication": {"anonymous": {"enabled": "true"}}})
}

test_config_default_quiet if {
	count(kubelet_anonymous_auth.deny) == 0 with input as cfg({})
	count(kubelet_anonymous_auth.deny) == 0 with input as cfg({"authentication": {"anonymous": {"enabled": false}}})
}

test_other_api_group_quiet if {
	count(kubelet_anonymous_auth.deny) == 0 with input as object.union(cfg({"authentication": {"anonymous": {"enabled": true}}}), {"apiVersion": "example.com/v1"})
}

test_flag_true if {
	{plain(f) | some f in kubelet_anonymous_auth.deny} == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" allows anonymous requests to the kubelet API (--anonymous-auth=true)", "path": ["containers", 0, "command", 1]}} with input as pod({"command": ["/usr/bin/kubelet", "--anonymous-auth=true"]})
}

test_flag_missing_without_config if {
	{plain(f) | some f in kubelet_anonymous_auth.deny} == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" allows anonymous requests to the kubelet API (--anonymous-auth is not set and defaults to true)", "path": ["containers", 0]}} with input as pod({"command": ["kubelet"], "args": ["--kubeconfig", "/etc/kubernetes/kubelet.conf"]})
}

test_flag_missing_with_config_quiet if {
	count(kubelet_anonymous_auth.deny) == 0 with input as pod({"command": ["kubelet", "--config", "/var/lib/kubelet/config.yaml"]})
}

test_flag_false_quiet if {
	count(kubelet_anonymous_auth.deny) == 0 with input as pod({"command": ["kubelet", "--anonymous-auth=false"]})
	count(kubelet_anonymous_auth.deny) == 0 with input as pod({"args": ["kubelet", "--anonymous-auth=false"]})
	count(kubelet_anonymous_auth.deny) == 0 with input as pod({"command": ["kubelet", "--anonymous-auth=true", "--anonymous-auth=false"]})
}

test_other_program_quiet if {
	count(kubelet_anonymous_auth.deny) == 0 with input as pod({"command": ["nginx"]})
	count(kubelet_anonymous_auth.deny) == 0 with input as pod({"command": ["kubelet-proxy", "--anonymous-auth=true"]})
}

test_flag_whose_value_ends_in_kubelet_quiet if {
	# prometheus-operator: args only, the image's entrypoint runs; the first arg is not kubelet
	count(kubelet_anonymous_auth.deny) == 0 with input as pod({"args": ["--kubelet-service=kube-system/kubelet", "--kubelet-endpoints=true"]})
}

test_kubeadm_kubelet_extra_args if {
	{plain(f) | some f in kubelet_anonymous_auth.deny} == {{"msg": "kubelet of kubeadm InitConfiguration allows anonymous requests to the kubelet API (--anonymous-auth=true)", "path": ["resource", "nodeRegistration", "kubeletExtraArgs", "anonymous-auth"]}} with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "InitConfiguration", "name": null, "resource": {"nodeRegistration": {"kubeletExtraArgs": {"anonymous-auth": "true"}}}}
	{plain(f) | some f in kubelet_anonymous_auth.deny} == {{"msg": "kubelet of kubeadm JoinConfiguration \"worker\" allows anonymous requests to the kubelet API (--anonymous-auth=true)", "path": ["resource", "nodeRegistration", "kubeletExtraArgs", 1, "value"]}} with input as {"apiVersion": "kubeadm.k8s.io/v1beta4", "resourceKind": "JoinConfiguration", "name": "worker", "resource": {"nodeRegistration": {"kubeletExtraArgs": [{"name": "anonymous-auth", "value": "false"}, {"name": "anonymous-auth", "value": "true"}]}}}
}

test_kubeadm_other_extra_args_quiet if {
	# the KubeletConfiguration kubeadm writes decides what the flags leave out
	count(kubelet_anonymous_auth.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "InitConfiguration", "name": null, "resource": {"nodeRegistration": {"kubeletExtraArgs": {"node-labels": "role=edge"}}}}
	count(kubelet_anonymous_auth.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "InitConfiguration", "name": null, "resource": {"nodeRegistration": {"kubeletExtraArgs": {"anonymous-auth": "false"}}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

# In a KubeletConfiguration a boolean, in kubeadm's kubeletExtraArgs a string, on a command line none.
test_fix if {
	{f.fix | some f in kubelet_anonymous_auth.deny} == {{"description": "Turn anonymous kubelet authentication off", "ops": [{"path": ["resource", "authentication", "anonymous", "enabled"], "set": false}]}} with input as cfg({"authentication": {"anonymous": {"enabled": true}}})
	{f.fix | some f in kubelet_anonymous_auth.deny} == {{"description": "Turn anonymous kubelet authentication off", "ops": [{"path": ["resource", "nodeRegistration", "kubeletExtraArgs", "anonymous-auth"], "set": "false"}]}} with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "InitConfiguration", "name": null, "resource": {"nodeRegistration": {"kubeletExtraArgs": {"anonymous-auth": "true"}}}}
	{f.fix | some f in kubelet_anonymous_auth.deny} == {null} with input as pod({"command": ["/usr/bin/kubelet", "--anonymous-auth=true"]})
}
