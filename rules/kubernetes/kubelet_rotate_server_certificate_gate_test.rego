package shiplint.kubernetes.kubelet_rotate_server_certificate_gate_test

import data.shiplint.kubernetes.kubelet_rotate_server_certificate_gate as rule

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": null, "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config if {
	rule.deny == {{"msg": "KubeletConfiguration turns off the RotateKubeletServerCertificate feature gate", "path": ["resource", "featureGates", "RotateKubeletServerCertificate"]}} with input as cfg({"featureGates": {"RotateKubeletServerCertificate": false}})
	count(rule.deny) == 0 with input as cfg({"featureGates": {"RotateKubeletServerCertificate": true}})
	count(rule.deny) == 0 with input as cfg({})
}

test_flags if {
	rule.deny == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" turns off the RotateKubeletServerCertificate feature gate", "path": ["containers", 0, "command", 2]}} with input as pod({"command": ["kubelet", "--v=2", "--feature-gates=SomeGate=true, RotateKubeletServerCertificate=false"]})
	# the last occurrence of a gate wins, across --feature-gates flags too
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--feature-gates=RotateKubeletServerCertificate=false", "--feature-gates", "RotateKubeletServerCertificate=true"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--feature-gates=RotateKubeletServerCertificate=true"]})
}
