# METADATA
# title: Kubelet client certificate rotation is turned off
# description: >-
#   `rotateCertificates: false` stops the kubelet from renewing its client certificate
#   through the certificates API before it expires: the node keeps one long-lived credential
#   to the API server (a stolen copy stays valid until then), and when it expires the node
#   drops out of the cluster. Low. Only an explicit false is flagged (CIS 4.2.10 asks that it
#   not be set to false), and not in a KubeletConfiguration that is not the first document of
#   its file: that is a `kubeadm init --config` stream, and kubeadm always writes true.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/#certificate-rotation
# - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
# custom:
#   id: KS122
#   severity: low
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.10"}
#   aliases: [CKV_K8S_149]
#   remediation: >-
#     Set `rotateCertificates: true` (or `--rotate-certificates`), or remove the `false`.
package shiplint.kubernetes.kubelet_rotate_certificates

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding_fix(msg, s.path, kubelet.fix(kb, s, "Set rotateCertificates: true", true)) if {
	some kb in kubelet.kubelets
	s := kubelet.setting(kb, "rotateCertificates")
	s.set
	s.value == false
	msg := sprintf("%s does not rotate its client certificate (%s)", [kb.who, kubelet.written(kb, "rotateCertificates", s)])
}
