# METADATA
# title: API server does not set --client-ca-file
# description: >-
#   `--client-ca-file` is the CA kube-apiserver checks client certificates against. Without it
#   no client certificate authenticates: components and administrators fall back to tokens, and
#   the kubelet's and controllers' certificate identities are lost. CIS 1.2.25. Medium.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#x509-client-certificates
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS110
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--client-ca-file` to the cluster CA certificate (kubeadm:
#     /etc/kubernetes/pki/ca.crt).
#   frameworks: {cis-k8s: "1.2.25"}
#   aliases: [KCV0028, AVD-KCV-0028]
package shiplint.kubernetes.apiserver_client_ca_file

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.where(["client-ca-file"])) if {
	api.comp
	not api.given("client-ca-file")
	msg := sprintf("%s does not set --client-ca-file: client certificates are not accepted", [api.who])
}
