package shiplint.kubernetes.kubelet_streaming_idle_timeout_test

import data.shiplint.kubernetes.kubelet_streaming_idle_timeout as rule

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": null, "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config_zero if {
	rule.deny == {{"msg": "KubeletConfiguration never closes idle streaming connections (streamingConnectionIdleTimeout: 0s)", "path": ["resource", "streamingConnectionIdleTimeout"]}} with input as cfg({"streamingConnectionIdleTimeout": "0s"})
	count(rule.deny) == 1 with input as cfg({"streamingConnectionIdleTimeout": 0})
	count(rule.deny) == 1 with input as cfg({"streamingConnectionIdleTimeout": "0"})
	count(rule.deny) == 1 with input as cfg({"streamingConnectionIdleTimeout": "0h0m0s"})
}

test_config_quiet if {
	count(rule.deny) == 0 with input as cfg({})
	count(rule.deny) == 0 with input as cfg({"streamingConnectionIdleTimeout": "5m"})
	count(rule.deny) == 0 with input as cfg({"streamingConnectionIdleTimeout": "0h5m0s"})
	count(rule.deny) == 0 with input as cfg({"streamingConnectionIdleTimeout": "10s"})
}

test_flags if {
	rule.deny == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" never closes idle streaming connections (--streaming-connection-idle-timeout=0)", "path": ["containers", 0, "command", 1]}} with input as pod({"command": ["kubelet", "--streaming-connection-idle-timeout=0"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet"]})
}
