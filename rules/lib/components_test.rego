package shiplint.lib.components_test

import data.shiplint.lib.components

pod(c) := {"resourceKind": "Deployment", "name": "op", "podSpec": {}, "containers": [object.union({"name": "op"}, c)]}

test_flag_value_is_not_a_component if {
	not components.component("etcd") with input as pod({"args": ["--etcd-service=kube-system/etcd", "--x"]})
	not components.component("kube-scheduler") with input as pod({"args": ["--watch=kube-system/kube-scheduler"]})
}

test_real_component if {
	components.component("etcd").path == ["containers", 0] with input as pod({"command": ["/usr/local/bin/etcd", "--data-dir=/var/lib/etcd"]})
	components.component("kube-scheduler").source == "kubeadm" with input as {"apiVersion": "kubeadm.k8s.io/v1beta3", "resourceKind": "ClusterConfiguration", "name": null, "resource": {}}
}
