# METADATA
# title: API server does not set its TLS certificate and key
# description: >-
#   Without `--tls-cert-file` and `--tls-private-key-file` kube-apiserver serves HTTPS with a
#   self-signed certificate it generates itself, which clients cannot verify: they either fail
#   or are configured to skip verification, opening the door to interception. CIS 1.2.24.
#   Medium.
# related_resources:
# - https://kubernetes.io/docs/setup/best-practices/certificates/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS109
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--tls-cert-file` and `--tls-private-key-file` to a serving certificate signed by the
#     cluster CA (kubeadm: /etc/kubernetes/pki/apiserver.crt and .key).
#   frameworks: {cis-k8s: "1.2.24"}
#   aliases: [KCV0027, AVD-KCV-0027, CKV_K8S_100]
package shiplint.kubernetes.apiserver_tls_certificate

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.where(m)) if {
	api.comp
	m := api.missing(["tls-cert-file", "tls-private-key-file"])
	count(m) > 0
	msg := sprintf("%s does not set %s: it serves a self-signed certificate clients cannot verify", [api.who, api.dashed(m)])
}
