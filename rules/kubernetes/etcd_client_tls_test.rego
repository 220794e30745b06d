package shiplint.kubernetes.etcd_client_tls_test

import data.shiplint.kubernetes.etcd_client_tls as rule

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "etcd", "podSpec": {}, "resource": {}, "containers": [object.union({"name": "etcd", "containerType": "container"}, c)]}

test_missing if {
	rule.deny == {{"msg": "etcd in container \"etcd\" of Pod \"etcd\" has no TLS certificate for clients (--cert-file and --key-file not set)", "path": ["containers", 0]}} with input as pod({"command": ["etcd", "--listen-client-urls=http://0.0.0.0:2379"]})
	rule.deny == {{"msg": "etcd in container \"etcd\" of Pod \"etcd\" has no TLS certificate for clients (--key-file not set)", "path": ["containers", 0]}} with input as pod({"command": ["etcd", "--cert-file=/pki/server.crt"]})
}

test_empty if {
	rule.deny == {{"msg": "etcd in container \"etcd\" of Pod \"etcd\" has no TLS certificate for clients (--cert-file is empty)", "path": ["containers", 0, "command", 1]}} with input as pod({"command": ["etcd", "--cert-file=", "--key-file=/pki/server.key"]})
}

test_env_and_flags_quiet if {
	count(rule.deny) == 0 with input as pod({"command": ["etcd", "--cert-file=/pki/server.crt", "--key-file=/pki/server.key"]})
	count(rule.deny) == 0 with input as pod({"command": ["etcd"], "env": [{"name": "ETCD_CERT_FILE", "value": "/pki/server.crt"}, {"name": "ETCD_KEY_FILE", "valueFrom": {"configMapKeyRef": {"name": "etcd", "key": "key"}}}]})
	count(rule.deny) == 0 with input as pod({"command": ["etcd", "--config-file=/etc/etcd/etcd.conf.yml"]})
	count(rule.deny) == 0 with input as pod({"command": ["etcd"], "env": [{"name": "ETCD_CONFIG_FILE", "value": "/etc/etcd/etcd.conf.yml"}]})
}

test_kubeadm if {
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {"etcd": {"external": {"endpoints": ["https://10.0.0.1:2379"]}}}}
}
