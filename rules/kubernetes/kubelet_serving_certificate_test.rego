package shiplint.kubernetes.kubelet_serving_certificate_test

import data.shiplint.kubernetes.kubelet_serving_certificate as rule

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": null, "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config_missing if {
	rule.deny == {{"msg": "KubeletConfiguration serves the kubelet API with a self-signed certificate (tlsCertFile and tlsPrivateKeyFile not set, serverTLSBootstrap not set)", "path": ["resource"]}} with input as cfg({})
	rule.deny == {{"msg": "KubeletConfiguration serves the kubelet API with a self-signed certificate (tlsPrivateKeyFile not set, serverTLSBootstrap: false)", "path": ["resource"]}} with input as cfg({"tlsCertFile": "/var/lib/kubelet/pki/kubelet.crt", "serverTLSBootstrap": false})
}

test_config_quiet if {
	count(rule.deny) == 0 with input as cfg({"serverTLSBootstrap": true})
	count(rule.deny) == 0 with input as cfg({"tlsCertFile": "/a.crt", "tlsPrivateKeyFile": "/a.key"})
}

test_flags if {
	rule.deny == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" serves the kubelet API with a self-signed certificate (--tls-cert-file and --tls-private-key-file not set, --rotate-server-certificates not set)", "path": ["containers", 0]}} with input as pod({"command": ["kubelet"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--rotate-server-certificates"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--tls-cert-file=/a.crt", "--tls-private-key-file", "/a.key"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--config=/etc/k.yaml"]})
}
