package shiplint.kubernetes.system_namespace_test

import data.shiplint.kubernetes.system_namespace

workload(name, ns, labels, pod_spec) := {
	"resourceKind": "Deployment", "name": name, "namespace": ns,
	"resource": {"metadata": {"name": name, "namespace": ns, "labels": labels}},
	"podMetadata": {"labels": labels}, "podSpec": pod_spec,
}

test_fires if {
	system_namespace.deny == {{"msg": "Deployment \"grafana\" is placed in the system namespace \"kube-system\"", "path": ["namespace"]}} with input as workload("grafana", "kube-system", {"app": "grafana"}, {"containers": []})
	system_namespace.deny == {{"msg": "Deployment \"web\" is placed in the system namespace \"kube-public\"", "path": ["namespace"]}} with input as workload("web", "kube-public", {}, {})
	count(system_namespace.deny) == 1 with input as workload("w", "kube-node-lease", null, {"priorityClassName": "high"})
	# A tier other than control-plane, and a component that is not one.
	count(system_namespace.deny) == 1 with input as workload("fluentd", "kube-system", {"tier": "monitoring", "component": "logging"}, {})
}

test_quiet if {
	# Not a system namespace, or none set.
	count(system_namespace.deny) == 0 with input as workload("grafana", "monitoring", {}, {})
	count(system_namespace.deny) == 0 with input as workload("grafana", null, {}, {})
	# Control-plane static pods.
	count(system_namespace.deny) == 0 with input as workload("kube-apiserver-node1", "kube-system", {"component": "kube-apiserver", "tier": "control-plane"}, {})
	count(system_namespace.deny) == 0 with input as workload("etcd-node1", "kube-system", {"component": "etcd"}, {})
	# Declared cluster add-ons.
	count(system_namespace.deny) == 0 with input as workload("gpu-installer", "kube-system", {}, {"priorityClassName": "system-node-critical"})
	count(system_namespace.deny) == 0 with input as workload("fluentd-es", "kube-system", {"addonmanager.kubernetes.io/mode": "Reconcile"}, {})
	count(system_namespace.deny) == 0 with input as workload("heapster", "kube-system", {"kubernetes.io/cluster-service": "true"}, {})
	# Well-known add-ons by name or label.
	count(system_namespace.deny) == 0 with input as workload("coredns", "kube-system", {}, {})
	count(system_namespace.deny) == 0 with input as workload("rel-metrics-server", "kube-system", {"app.kubernetes.io/name": "metrics-server"}, {})
	count(system_namespace.deny) == 0 with input as workload("dns", "kube-system", {"k8s-app": "kube-dns"}, {})
	# Not a workload.
	count(system_namespace.deny) == 0 with input as {"resourceKind": "ConfigMap", "name": "aws-auth", "namespace": "kube-system", "resource": {}}
}

test_param_adds_names if {
	params := {"KS074": {"allowed": ["node-problem-detector"]}}
	count(system_namespace.deny) == 0 with input as workload("node-problem-detector", "kube-system", {}, {}) with data.shiplint_config.params as params
	# The built-in names stay allowed.
	count(system_namespace.deny) == 0 with input as workload("kube-proxy", "kube-system", {}, {}) with data.shiplint_config.params as params
	count(system_namespace.deny) == 1 with input as workload("grafana", "kube-system", {}, {}) with data.shiplint_config.params as params
}
