package shiplint.kubernetes.etcd_peer_client_cert_auth_test

import data.shiplint.kubernetes.etcd_peer_client_cert_auth as rule

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "etcd", "podSpec": {}, "resource": {}, "containers": [object.union({"name": "etcd", "containerType": "container"}, c)]}

test_cluster if {
	rule.deny == {{"msg": "etcd in container \"etcd\" of Pod \"etcd\" does not require certificates from its peers (--peer-client-cert-auth is not set and defaults to false)", "path": ["containers", 0]}} with input as pod({"command": ["etcd", "--listen-peer-urls=https://10.0.0.1:2380"]})
	rule.deny == {{"msg": "etcd in container \"etcd\" of Pod \"etcd\" does not require certificates from its peers (--peer-client-cert-auth=false)", "path": ["containers", 0, "command", 2]}} with input as pod({"command": ["etcd", "--listen-peer-urls=https://10.0.0.1:2380", "--peer-client-cert-auth=false"]})
}

test_quiet if {
	count(rule.deny) == 0 with input as pod({"command": ["etcd"]})
	count(rule.deny) == 0 with input as pod({"command": ["etcd", "--listen-peer-urls=https://10.0.0.1:2380", "--peer-client-cert-auth=true"]})
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
}

test_kubeadm_override if {
	count(rule.deny) == 1 with input as {"apiVersion": "kubeadm.k8s.io/v1beta4", "resourceKind": "ClusterConfiguration", "name": null, "resource": {"etcd": {"local": {"extraArgs": [{"name": "peer-client-cert-auth", "value": "false"}]}}}}
}
