package shiplint.lib.controlplane_test

import data.shiplint.lib.controlplane as cp

pod(containers) := {"resourceKind": "Pod", "name": "kube-apiserver", "podSpec": {}, "containers": containers}

test_static_pod_command_forms if {
	doc := pod([
		{"name": "sidecar", "command": ["/bin/agent", "--anonymous-auth=true"]},
		{"name": "kube-apiserver", "command": [
			"/usr/local/bin/kube-apiserver",
			"--anonymous-auth=false",
			"--secure-port", 6443,
			"--profiling",
			"--authorization-mode", "--enable-admission-plugins=NodeRestriction,EventRateLimit",
			"--audit-log-path=",
		]},
	])
	c := cp.components with input as doc
	c == {"kube-apiserver": {"source": "pod", "path": ["containers", 1], "flags": {
		"anonymous-auth": {"value": "false", "path": ["containers", 1, "command", 1]},
		"secure-port": {"value": "6443", "path": ["containers", 1, "command", 2]},
		"profiling": {"value": "true", "path": ["containers", 1, "command", 4]},
		"authorization-mode": {"value": "true", "path": ["containers", 1, "command", 5]},
		"enable-admission-plugins": {"value": "NodeRestriction,EventRateLimit", "path": ["containers", 1, "command", 6]},
		"audit-log-path": {"value": "", "path": ["containers", 1, "command", 7]},
	}}}
	cp.flag("anonymous-auth", "kube-apiserver") == "false" with input as doc
	not cp.flag("token-auth-file", "kube-apiserver") with input as doc
	cp.flag_path("secure-port", "kube-apiserver") == ["containers", 1, "command", 2] with input as doc
}

test_command_and_args_last_wins if {
	doc := pod([{"name": "api", "command": ["kube-apiserver", "--profiling=false"], "args": ["--profiling=true", "--v", "2"]}])
	cp.flag("profiling", "kube-apiserver") == "true" with input as doc
	cp.flag_path("profiling", "kube-apiserver") == ["containers", 0, "args", 0] with input as doc
	cp.flag("v", "kube-apiserver") == "2" with input as doc
}

test_args_only if {
	doc := pod([{"name": "api", "args": ["kube-apiserver", "--anonymous-auth", "false"]}])
	cp.flag("anonymous-auth", "kube-apiserver") == "false" with input as doc
	cp.flag_path("anonymous-auth", "kube-apiserver") == ["containers", 0, "args", 1] with input as doc
	cp.components["kube-apiserver"].path == ["containers", 0] with input as doc
}

test_image_entrypoint_args if {
	# args alone: the official image's entrypoint is the component
	doc := pod([
		{"name": "x", "image": "example/tool:1", "args": ["--anonymous-auth=true"]},
		{"name": "api", "image": "gcr.io/google_containers/kube-apiserver-amd64:v1.9.0", "args": ["--anonymous-auth=true", "--secure-port", "0"]},
	])
	cp.components["kube-apiserver"] == {"source": "pod", "path": ["containers", 1], "flags": {
		"anonymous-auth": {"value": "true", "path": ["containers", 1, "args", 0]},
		"secure-port": {"value": "0", "path": ["containers", 1, "args", 1]},
	}} with input as doc

	# an image's args that do not start with a flag, or a command, are read as usual
	count(cp.components) == 0 with input as pod([{"name": "api", "image": "registry.k8s.io/kube-apiserver:v1.30.0", "args": ["serve"]}])
	count(cp.components) == 0 with input as pod([{"name": "api", "image": "registry.k8s.io/kube-apiserver:v1.30.0", "command": ["/bin/other"], "args": ["--a=b"]}])
	count(cp.components) == 0 with input as pod([{"name": "etcd", "image": "bitnami/etcd:3.5", "args": ["--auto-tls"]}])
}

test_other_programs_are_not_components if {
	doc := pod([
		{"name": "a", "command": ["kube-apiserver-proxy", "--anonymous-auth=true"]},
		{"name": "b", "command": ["/bin/sh", "-c", "echo kube-apiserver --anonymous-auth=true"]},
		{"name": "c", "command": ["etcdctl", "--endpoints=https://x"]},
		{"name": "d", "args": ["--kube-apiserver=x"]},
		{"name": "e", "command": []},
		{"name": "f", "command": null, "args": null},
	])
	count(cp.components) == 0 with input as doc
}

test_hyperkube_and_shell if {
	doc := pod([
		{"name": "apiserver", "command": ["/hyperkube", "apiserver", "--insecure-port=8080"]},
		{"name": "sched", "command": ["/usr/local/bin/hyperkube", "kube-scheduler", "--profiling"]},
		{"name": "etcd", "command": ["/bin/sh", "-c", "exec etcd --client-cert-auth=false \\\n  --auto-tls  --data-dir /var/lib/etcd"]},
	])
	c := cp.components with input as doc
	c["kube-apiserver"].flags == {"insecure-port": {"value": "8080", "path": ["containers", 0, "command", 2]}}
	c["kube-scheduler"].flags == {"profiling": {"value": "true", "path": ["containers", 1, "command", 2]}}
	c.etcd.flags == {
		"client-cert-auth": {"value": "false", "path": ["containers", 2, "command", 2]},
		"auto-tls": {"value": "true", "path": ["containers", 2, "command", 2]},
		"data-dir": {"value": "/var/lib/etcd", "path": ["containers", 2, "command", 2]},
	}
}

test_first_container_wins if {
	doc := pod([
		{"name": "a", "command": ["kube-apiserver", "--profiling=false"]},
		{"name": "b", "command": ["kube-apiserver", "--profiling=true"]},
	])
	cp.flag("profiling", "kube-apiserver") == "false" with input as doc
}

kubeadm(apiVersion, resource) := {"resourceKind": "ClusterConfiguration", "apiVersion": apiVersion, "name": null, "resource": resource}

test_kubeadm_v1beta3_map if {
	doc := kubeadm("kubeadm.k8s.io/v1beta3", {"apiServer": {"extraArgs": {"anonymous-auth": "false", "profiling": false, "authorization-mode": "Node,RBAC,AlwaysAllow"}}})
	c := cp.components with input as doc
	{n | some n, _ in c} == {"kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"}
	c["kube-apiserver"].source == "kubeadm"
	c["kube-apiserver"].path == ["resource", "apiServer"]
	c["kube-apiserver"].flags["anonymous-auth"] == {"value": "false", "path": ["resource", "apiServer", "extraArgs", "anonymous-auth"]}
	c["kube-apiserver"].flags.profiling.value == "false"
	c["kube-apiserver"].flags["authorization-mode"] == {"value": "Node,RBAC,AlwaysAllow", "path": ["resource", "apiServer", "extraArgs", "authorization-mode"]}

	# kubeadm's own flags, located at the section
	c["kube-apiserver"].flags["client-ca-file"] == {"value": "/etc/kubernetes/pki/ca.crt", "path": ["resource", "apiServer"]}
	c["kube-apiserver"].flags["etcd-certfile"].value == "/etc/kubernetes/pki/apiserver-etcd-client.crt"
	c["kube-apiserver"].flags["enable-admission-plugins"].value == "NodeRestriction"
	c["kube-controller-manager"].flags["use-service-account-credentials"] == {"value": "true", "path": ["resource", "controllerManager"]}
	c["kube-scheduler"].flags["bind-address"].value == "127.0.0.1"
	c.etcd.path == ["resource", "etcd", "local"]
	c.etcd.flags["client-cert-auth"].value == "true"
	not c["kube-apiserver"].flags["anonymous-auth-x"]
	cp.who("kube-apiserver") == "kube-apiserver in kubeadm ClusterConfiguration" with input as doc
}

test_kubeadm_v1beta4_list if {
	doc := kubeadm("kubeadm.k8s.io/v1beta4", {
		"certificatesDir": "/srv/pki/",
		"apiServer": {"extraArgs": [
			{"name": "profiling", "value": "true"},
			{"name": "token-auth-file", "value": "/etc/tokens.csv"},
			{"name": "profiling", "value": "false"},
		]},
		"etcd": {"local": {"extraArgs": [{"name": "client-cert-auth", "value": "false"}]}},
	})
	c := cp.components with input as doc
	c["kube-apiserver"].flags.profiling == {"value": "false", "path": ["resource", "apiServer", "extraArgs", 2, "value"]}
	c["kube-apiserver"].flags["token-auth-file"] == {"value": "/etc/tokens.csv", "path": ["resource", "apiServer", "extraArgs", 1, "value"]}
	c["kube-apiserver"].flags["tls-cert-file"].value == "/srv/pki/apiserver.crt"
	c.etcd.flags["client-cert-auth"] == {"value": "false", "path": ["resource", "etcd", "local", "extraArgs", 0, "value"]}
}

test_kubeadm_external_etcd if {
	doc := kubeadm("kubeadm.k8s.io/v1beta3", {"etcd": {"external": {"endpoints": ["https://10.0.0.1:2379"], "caFile": "/etc/etcd/ca.crt"}}})
	c := cp.components with input as doc
	not c.etcd
	c["kube-apiserver"].flags["etcd-servers"].value == "https://10.0.0.1:2379"
	c["kube-apiserver"].flags["etcd-cafile"].value == "/etc/etcd/ca.crt"
	not c["kube-apiserver"].flags["etcd-certfile"]
	not c["kube-apiserver"].flags["etcd-keyfile"]
}

test_kubeadm_null_external_etcd_is_local if {
	doc := kubeadm("kubeadm.k8s.io/v1beta3", {"etcd": {"external": null}})
	cp.components.etcd.source == "kubeadm" with input as doc
	cp.flag("etcd-certfile", "kube-apiserver") == "/etc/kubernetes/pki/apiserver-etcd-client.crt" with input as doc
}

test_kubeadm_authorization_config if {
	doc := kubeadm("kubeadm.k8s.io/v1beta3", {"apiServer": {"extraArgs": {"authorization-config": "/etc/kubernetes/authz.yaml"}}})
	not cp.flag("authorization-mode", "kube-apiserver") with input as doc
	cp.flag("authorization-mode", "kube-apiserver") == "Node,RBAC" with input as kubeadm("kubeadm.k8s.io/v1beta3", {})
}

test_not_kubeadm if {
	count(cp.components) == 0 with input as {"resourceKind": "ClusterConfiguration", "apiVersion": "example.com/v1", "resource": {"apiServer": {"extraArgs": {"a": "b"}}}}
	count(cp.components) == 0 with input as {"resourceKind": "InitConfiguration", "apiVersion": "kubeadm.k8s.io/v1beta3", "resource": {}}
	count(cp.components) == 0 with input as {"resourceKind": "ConfigMap", "apiVersion": "v1", "resource": {"data": {"x": "kube-apiserver --anonymous-auth=true"}}}
}

test_who_pod if {
	cp.who("kube-apiserver") == "kube-apiserver in container \"api\" of Pod \"kube-apiserver\"" with input as pod([{"name": "api", "command": ["kube-apiserver"]}])
}

test_values if {
	cp.list(" Node, RBAC,,") == ["Node", "RBAC"]
	cp.is_false("false")
	cp.is_false("\"False\"")
	cp.is_false("0")
	not cp.is_false("no")
	cp.is_true("TRUE")
	not cp.is_true("false")
}

test_flag_value_is_not_a_component if {
	not cp.components.etcd with input as {"resourceKind": "Deployment", "name": "op", "podSpec": {}, "containers": [{"name": "op", "args": ["--etcd-service=kube-system/etcd", "--x"]}]}
	not cp.components["kube-scheduler"] with input as {"resourceKind": "Deployment", "name": "op", "podSpec": {}, "containers": [{"name": "op", "args": ["--watch=kube-system/kube-scheduler"]}]}
	not cp.components["kube-apiserver"] with input as {"resourceKind": "Deployment", "name": "op", "podSpec": {}, "containers": [{"name": "op", "command": ["--apiserver=ns/kube-apiserver"]}]}
}
