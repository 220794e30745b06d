package shiplint.kubernetes.apiserver_event_rate_limit_test

import data.shiplint.kubernetes.apiserver_event_rate_limit as r

# the hardened flags of testdata/rules/*/good-hardened.yaml
good := [
	"--advertise-address=10.0.0.10",
	"--allow-privileged=true",
	"--anonymous-auth=false",
	"--audit-log-maxage=30",
	"--audit-log-maxbackup=10",
	"--audit-log-maxsize=100",
	"--audit-log-path=/var/log/kubernetes/audit/audit.log",
	"--audit-policy-file=/etc/kubernetes/audit-policy.yaml",
	"--authorization-mode=Node,RBAC",
	"--client-ca-file=/etc/kubernetes/pki/ca.crt",
	"--enable-admission-plugins=NodeRestriction,EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs",
	"--admission-control-config-file=/etc/kubernetes/admission-control.yaml",
	"--encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml",
	"--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
	"--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
	"--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
	"--etcd-servers=https://127.0.0.1:2379",
	"--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt",
	"--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
	"--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
	"--profiling=false",
	"--secure-port=6443",
	"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
	"--service-account-key-file=/etc/kubernetes/pki/sa.pub",
	"--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
	"--service-cluster-ip-range=10.96.0.0/12",
	"--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
	"--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
]

pod(args) := {"resourceKind": "Pod", "name": "kube-apiserver", "podSpec": {}, "containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.30.2", "command": array.concat(["kube-apiserver"], args)}]}

# good with the flags of over replaced (name -> value; null removes it)
with_flags(over) := array.concat([f | some f in good; not name_of(f) in object.keys(over)], [sprintf("--%s=%s", [k, v]) | some k, v in over; v != null])

name_of(f) := substring(f, 2, indexof(f, "=") - 2)

kubeadm(extra) := {"resourceKind": "ClusterConfiguration", "apiVersion": "kubeadm.k8s.io/v1beta3", "name": null, "resource": {"apiServer": {"extraArgs": extra}}}

kubeadm4(extra) := {"resourceKind": "ClusterConfiguration", "apiVersion": "kubeadm.k8s.io/v1beta4", "name": "cluster", "resource": {"apiServer": {"extraArgs": [{"name": k, "value": v} | some k, v in extra]}}}

# kubeadm's hardened extraArgs (testdata/rules/*/good-hardened.yaml)
kgood := {
	"anonymous-auth": "false",
	"profiling": "false",
	"audit-log-path": "/var/log/kubernetes/audit/audit.log",
	"audit-policy-file": "/etc/kubernetes/audit-policy.yaml",
	"audit-log-maxage": "30",
	"audit-log-maxbackup": "10",
	"audit-log-maxsize": "100",
	"enable-admission-plugins": "NodeRestriction,EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs",
	"admission-control-config-file": "/etc/kubernetes/admission-control.yaml",
	"encryption-provider-config": "/etc/kubernetes/enc/encryption-config.yaml",
	"kubelet-certificate-authority": "/etc/kubernetes/pki/ca.crt",
}

who := "kube-apiserver in container \"kube-apiserver\" of Pod \"kube-apiserver\""

# a program that is not kube-apiserver, with every flag these rules look at set badly
other := {"resourceKind": "Pod", "name": "agent", "podSpec": {}, "containers": [{"name": "agent", "image": "example/agent:1", "command": ["/bin/agent", "--anonymous-auth=true", "--authorization-mode=AlwaysAllow", "--profiling", "--token-auth-file=/t", "--basic-auth-file=/u", "--insecure-port=8080", "--insecure-bind-address=0.0.0.0", "--secure-port=0", "--tls-cipher-suites=TLS_RSA_WITH_RC4_128_SHA", "--service-account-lookup=false", "--disable-admission-plugins=ServiceAccount", "--enable-admission-plugins=AlwaysAdmit", "--kubelet-https=false", "--audit-log-maxage=1"]}]}

test_quiet_when_hardened if {
	count(r.deny) == 0 with input as pod(good)
	count(r.deny) == 0 with input as kubeadm(kgood)
	count(r.deny) == 0 with input as kubeadm4(kgood)
}

test_quiet_on_other_programs if {
	count(r.deny) == 0 with input as other
}

test_fires_when_not_listed if {
	r.deny == {
		{"msg": sprintf("%s does not enable the EventRateLimit admission plugin: event floods are not limited", [who]), "path": ["containers", 0, "command", 28]},
	} with input as pod(with_flags({"enable-admission-plugins": "NodeRestriction"}))
}

test_fires_when_unset if {
	r.deny == {
		{"msg": sprintf("%s does not enable the EventRateLimit admission plugin: event floods are not limited", [who]), "path": ["containers", 0]},
	} with input as pod(with_flags({"enable-admission-plugins": null}))
}

test_fires_on_kubeadm_default if {
	r.deny == {
		{"msg": "kube-apiserver in kubeadm ClusterConfiguration does not enable the EventRateLimit admission plugin: event floods are not limited", "path": ["resource", "apiServer"]},
	} with input as kubeadm(object.remove(kgood, ["enable-admission-plugins"]))
}

test_fires_at_admission_control if {
	r.deny == {
		{"msg": sprintf("%s does not enable the EventRateLimit admission plugin: event floods are not limited", [who]), "path": ["containers", 0, "command", 28]},
	} with input as pod(with_flags({"enable-admission-plugins": null, "admission-control": "NamespaceLifecycle,ServiceAccount,NodeRestriction"}))
}
