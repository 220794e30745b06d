package shiplint.kubernetes.etcd_peer_tls_test

import data.shiplint.kubernetes.etcd_peer_tls as rule

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "etcd", "podSpec": {}, "resource": {}, "containers": [object.union({"name": "etcd", "containerType": "container"}, c)]}

test_cluster if {
	rule.deny == {{"msg": "etcd in container \"etcd\" of Pod \"etcd\" has no TLS certificate for its peers (--peer-cert-file and --peer-key-file not set)", "path": ["containers", 0]}} with input as pod({"command": ["etcd", "--initial-cluster=a=http://10.0.0.1:2380,b=http://10.0.0.2:2380"]})
	count(rule.deny) == 1 with input as pod({"command": ["etcd", "--listen-peer-urls", "http://0.0.0.0:2380"]})
}

test_single_member_quiet if {
	count(rule.deny) == 0 with input as pod({"command": ["etcd"]})
	count(rule.deny) == 0 with input as pod({"command": ["etcd", "--listen-peer-urls=http://127.0.0.1:2380", "--initial-cluster=default=http://127.0.0.1:2380"]})
}

test_set_quiet if {
	count(rule.deny) == 0 with input as pod({"command": ["etcd", "--listen-peer-urls=https://10.0.0.1:2380", "--peer-cert-file=/p.crt", "--peer-key-file=/p.key"]})
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
}
