package shiplint.kubernetes.kubelet_client_ca_test

import data.shiplint.kubernetes.kubelet_client_ca as rule

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": null, "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config_missing if {
	rule.deny == {{"msg": "KubeletConfiguration has no client CA file to verify client certificates (authentication.x509.clientCAFile is not set)", "path": ["resource", "authentication", "x509", "clientCAFile"]}} with input as cfg({"authentication": {"anonymous": {"enabled": false}}})
}

test_config_empty if {
	count(rule.deny) == 1 with input as cfg({"authentication": {"x509": {"clientCAFile": ""}}})
}

test_config_set_quiet if {
	count(rule.deny) == 0 with input as cfg({"authentication": {"x509": {"clientCAFile": "/etc/kubernetes/pki/ca.crt"}}})
}

test_flags if {
	rule.deny == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" has no client CA file to verify client certificates (--client-ca-file is not set)", "path": ["containers", 0]}} with input as pod({"command": ["kubelet", "--anonymous-auth=false"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--client-ca-file=/etc/kubernetes/pki/ca.crt"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--config=/var/lib/kubelet/config.yaml"]})
}

test_kubeadm_stream_fills_it if {
	count(rule.deny) == 0 with input as object.union(cfg({}), {"documentIndex": 2})
	count(rule.deny) == 0 with input as object.union(cfg({"authentication": {"x509": {"clientCAFile": ""}}}), {"documentIndex": 1})
	count(rule.deny) == 1 with input as object.union(cfg({}), {"documentIndex": 0})
}
