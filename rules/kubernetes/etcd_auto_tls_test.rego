package shiplint.kubernetes.etcd_auto_tls_test

import data.shiplint.kubernetes.etcd_auto_tls as rule

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "etcd", "podSpec": {}, "resource": {}, "containers": [object.union({"name": "etcd", "containerType": "container"}, c)]}

test_fires if {
	rule.deny == {
		{"msg": "etcd in container \"etcd\" of Pod \"etcd\" uses a self-signed auto-generated certificate for clients (--auto-tls=true)", "path": ["containers", 0, "command", 1]},
		{"msg": "etcd in container \"etcd\" of Pod \"etcd\" uses a self-signed auto-generated certificate for peers (ETCD_PEER_AUTO_TLS=true)", "path": ["containers", 0, "env", 0]},
	} with input as pod({"command": ["etcd", "--auto-tls"], "env": [{"name": "ETCD_PEER_AUTO_TLS", "value": "true"}]})
}

test_quiet if {
	count(rule.deny) == 0 with input as pod({"command": ["etcd", "--auto-tls=false", "--peer-auto-tls=false"]})
	count(rule.deny) == 0 with input as pod({"command": ["etcd"]})
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
}
