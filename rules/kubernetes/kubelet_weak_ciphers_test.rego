package shiplint.kubernetes.kubelet_weak_ciphers_test

import data.shiplint.kubernetes.kubelet_weak_ciphers as rule

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": null, "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config if {
	rule.deny == {{"msg": "KubeletConfiguration accepts weak TLS cipher suites: TLS_RSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "path": ["resource", "tlsCipherSuites", 1]}} with input as cfg({"tlsCipherSuites": ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"]})
	count(rule.deny) == 1 with input as cfg({"tlsCipherSuites": ["TLS_ECDHE_RSA_WITH_RC4_128_SHA"]})
}

test_config_quiet if {
	count(rule.deny) == 0 with input as cfg({})
	count(rule.deny) == 0 with input as cfg({"tlsCipherSuites": ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"]})
}

test_flags if {
	rule.deny == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" accepts weak TLS cipher suites: TLS_RSA_WITH_AES_256_CBC_SHA", "path": ["containers", 0, "command", 1]}} with input as pod({"command": ["kubelet", "--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_CBC_SHA"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--tls-cipher-suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]})
}
