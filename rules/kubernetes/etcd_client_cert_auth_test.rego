package shiplint.kubernetes.etcd_client_cert_auth_test

import data.shiplint.kubernetes.etcd_client_cert_auth as rule

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "etcd", "podSpec": {}, "resource": {}, "containers": [object.union({"name": "etcd", "containerType": "container"}, c)]}

test_missing if {
	rule.deny == {{"msg": "etcd in container \"etcd\" of Pod \"etcd\" does not require client certificates (--client-cert-auth is not set and defaults to false)", "path": ["containers", 0]}} with input as pod({"command": ["etcd"]})
}

test_false if {
	rule.deny == {{"msg": "etcd in container \"etcd\" of Pod \"etcd\" does not require client certificates (--client-cert-auth=false)", "path": ["containers", 0, "command", 1]}} with input as pod({"command": ["etcd", "--client-cert-auth=false"]})
	rule.deny == {{"msg": "etcd in container \"etcd\" of Pod \"etcd\" does not require client certificates (ETCD_CLIENT_CERT_AUTH=false)", "path": ["containers", 0, "env", 0]}} with input as pod({"command": ["etcd"], "env": [{"name": "ETCD_CLIENT_CERT_AUTH", "value": "false"}]})
}

test_quiet if {
	count(rule.deny) == 0 with input as pod({"command": ["etcd", "--client-cert-auth"]})
	count(rule.deny) == 0 with input as pod({"command": ["etcd", "--client-cert-auth=true"], "env": [{"name": "ETCD_CLIENT_CERT_AUTH", "value": "false"}]})
	count(rule.deny) == 0 with input as pod({"command": ["etcd"], "env": [{"name": "ETCD_CLIENT_CERT_AUTH", "value": "true"}]})
	count(rule.deny) == 0 with input as pod({"command": ["etcd"], "env": [{"name": "ETCD_CLIENT_CERT_AUTH", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}]})
	count(rule.deny) == 0 with input as pod({"command": ["etcdctl", "get", "/"]})
}

test_kubeadm if {
	count(rule.deny) == 0 with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
	rule.deny == {{"msg": "etcd in kubeadm ClusterConfiguration does not require client certificates (--client-cert-auth=false)", "path": ["resource", "etcd", "local", "extraArgs", "client-cert-auth"]}} with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {"etcd": {"local": {"extraArgs": {"client-cert-auth": "false"}}}}}
}
