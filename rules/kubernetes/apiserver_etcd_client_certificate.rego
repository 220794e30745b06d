# METADATA
# title: API server has no client certificate for etcd
# description: >-
#   etcd holds every Secret of the cluster. Without `--etcd-certfile` and `--etcd-keyfile` kube-
#   apiserver cannot authenticate to it with a certificate, which means etcd accepts clients
#   without one and anyone who reaches its port can read and write the whole cluster state. CIS
#   1.2.23. High.
# related_resources:
# - https://etcd.io/docs/v3.5/op-guide/security/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS108
#   severity: high
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--etcd-certfile` and `--etcd-keyfile` to a client certificate etcd trusts (kubeadm:
#     /etc/kubernetes/pki/apiserver-etcd-client.crt and .key; for an external etcd,
#     etcd.external.certFile and keyFile) and require client certificates on etcd (`--client-
#     cert-auth=true`).
#   frameworks: {cis-k8s: "1.2.23"}
#   aliases: [KCV0026, AVD-KCV-0026, CKV_K8S_99]
package shiplint.kubernetes.apiserver_etcd_client_certificate

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.where(m)) if {
	api.comp
	m := api.missing(["etcd-certfile", "etcd-keyfile"])
	count(m) > 0
	msg := sprintf("%s does not set %s: it connects to etcd without a client certificate", [api.who, api.dashed(m)])
}
