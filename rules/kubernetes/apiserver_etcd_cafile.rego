# METADATA
# title: API server does not verify etcd's certificate (--etcd-cafile is not set)
# description: >-
#   Without `--etcd-cafile` kube-apiserver does not check that the etcd it talks to is the real
#   one: an attacker who can redirect the connection serves it forged cluster state and receives
#   every Secret written. CIS 1.2.26. Medium: it needs a network position between the API server
#   and etcd.
# related_resources:
# - https://etcd.io/docs/v3.5/op-guide/security/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS111
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--etcd-cafile` to the CA that signed etcd's serving certificate (kubeadm:
#     /etc/kubernetes/pki/etcd/ca.crt; for an external etcd, etcd.external.caFile).
#   frameworks: {cis-k8s: "1.2.26"}
#   aliases: [KCV0029, AVD-KCV-0029, CKV_K8S_102]
package shiplint.kubernetes.apiserver_etcd_cafile

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.where(["etcd-cafile"])) if {
	api.comp
	not api.given("etcd-cafile")
	msg := sprintf("%s does not set --etcd-cafile: etcd's certificate is not verified", [api.who])
}
