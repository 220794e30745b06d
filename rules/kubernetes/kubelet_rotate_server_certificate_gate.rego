# METADATA
# title: Kubelet disables serving certificate rotation (RotateKubeletServerCertificate)
# description: >-
#   The `RotateKubeletServerCertificate` feature gate set to false stops the kubelet from
#   requesting and renewing its serving certificate from the cluster CA: it falls back to a
#   certificate that is self-signed or never renewed, which clients cannot verify or which
#   expires in place. Low. The gate defaults to true; only an explicit false is flagged.
# related_resources:
# - https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/
# - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/#certificate-rotation
# custom:
#   id: KS123
#   severity: low
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.11"}
#   aliases: [CKV_K8S_150]
#   remediation: >-
#     Remove `RotateKubeletServerCertificate: false` from `featureGates` (or from
#     `--feature-gates`); it is on by default.
package shiplint.kubernetes.kubelet_rotate_server_certificate_gate

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding(msg, g.path) if {
	some kb in kubelet.kubelets
	g := kubelet.gate(kb, "RotateKubeletServerCertificate")
	g.value == false
	msg := sprintf("%s turns off the RotateKubeletServerCertificate feature gate", [kb.who])
}
