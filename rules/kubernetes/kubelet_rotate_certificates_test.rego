package shiplint.kubernetes.kubelet_rotate_certificates_test

import data.shiplint.kubernetes.kubelet_rotate_certificates as rule

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": null, "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config if {
	{plain(f) | some f in rule.deny} == {{"msg": "KubeletConfiguration does not rotate its client certificate (rotateCertificates: false)", "path": ["resource", "rotateCertificates"]}} with input as cfg({"rotateCertificates": false})
	count(rule.deny) == 0 with input as cfg({})
	count(rule.deny) == 0 with input as cfg({"rotateCertificates": true})
}

test_flags if {
	{plain(f) | some f in rule.deny} == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" does not rotate its client certificate (--rotate-certificates=False)", "path": ["containers", 0, "command", 1]}} with input as pod({"command": ["kubelet", "--rotate-certificates=False"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet"]})
}

test_kubeadm_stream_forces_true if {
	count(rule.deny) == 0 with input as object.union(cfg({"rotateCertificates": false}), {"documentIndex": 1})
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in rule.deny} == {{"description": "Set rotateCertificates: true", "ops": [{"path": ["resource", "rotateCertificates"], "set": true}]}} with input as cfg({"rotateCertificates": false})
}
