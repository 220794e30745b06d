# METADATA
# title: etcd serves clients without a TLS certificate
# description: >-
#   Without `--cert-file` and `--key-file` etcd serves its client port (2379) in plain HTTP,
#   or with `--auto-tls` a self-signed certificate nobody can verify: every Secret and
#   object the API server stores crosses the network readable and alterable, and client
#   certificate authentication cannot work. High. kubeadm sets both; a static pod or workload
#   that runs etcd without them is flagged. ETCD_CERT_FILE/ETCD_KEY_FILE in the container's
#   environment count; etcd run with `--config-file` is not checked.
# related_resources:
# - https://etcd.io/docs/v3.5/op-guide/security/
# - https://kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/#securing-etcd-clusters
# custom:
#   id: KS135
#   severity: high
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "2.1"}
#   aliases: [CKV_K8S_116, KCV0042, AVD-KCV-0042]
#   remediation: >-
#     Give etcd a server certificate signed by the etcd CA: `--cert-file=/etc/kubernetes/pki/etcd/server.crt`
#     and `--key-file=/etc/kubernetes/pki/etcd/server.key`, with `--client-cert-auth=true` and
#     `--trusted-ca-file`.
package shiplint.kubernetes.etcd_client_tls

import data.shiplint.lib
import data.shiplint.lib.etcd

deny contains lib.finding(msg, etcd.comp.path) if {
	missing := [concat("", ["--", n]) | some n in ["cert-file", "key-file"]; not etcd.setting(n)]
	count(missing) > 0
	msg := sprintf("%s has no TLS certificate for clients (%s not set)", [etcd.who, concat(" and ", missing)])
}

deny contains lib.finding(msg, s.path) if {
	some n in ["cert-file", "key-file"]
	s := etcd.setting(n)
	etcd.empty(s)
	msg := sprintf("%s has no TLS certificate for clients (%s is empty)", [etcd.who, concat("", ["--", n])])
}
