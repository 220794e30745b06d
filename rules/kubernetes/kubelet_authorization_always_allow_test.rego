package shiplint.kubernetes.kubelet_authorization_always_allow_test

import data.shiplint.kubernetes.kubelet_authorization_always_allow as rule

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": "worker", "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config_always_allow if {
	rule.deny == {{"msg": "KubeletConfiguration \"worker\" authorizes every request to the kubelet API (authorization.mode: AlwaysAllow)", "path": ["resource", "authorization", "mode"]}} with input as cfg({"authorization": {"mode": "AlwaysAllow"}})
}

test_config_default_or_webhook_quiet if {
	count(rule.deny) == 0 with input as cfg({})
	count(rule.deny) == 0 with input as cfg({"authorization": {"mode": "Webhook"}})
}

test_flag_always_allow if {
	rule.deny == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" authorizes every request to the kubelet API (--authorization-mode=AlwaysAllow)", "path": ["containers", 0, "args", 1]}} with input as pod({"command": ["kubelet"], "args": ["--v=2", "--authorization-mode", "AlwaysAllow"]})
}

test_flag_missing if {
	rule.deny == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" authorizes every request to the kubelet API (--authorization-mode is not set and defaults to AlwaysAllow)", "path": ["containers", 0]}} with input as pod({"command": ["kubelet", "--anonymous-auth=false"]})
}

test_flag_quiet if {
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--authorization-mode=Webhook"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--config=/var/lib/kubelet/config.yaml"]})
}
