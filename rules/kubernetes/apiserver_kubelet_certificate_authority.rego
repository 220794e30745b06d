# METADATA
# title: API server does not verify the kubelets' serving certificates
# description: >-
#   Without `--kubelet-certificate-authority` kube-apiserver does not check the certificate a
#   kubelet presents, so whoever can intercept or spoof a node address receives the exec and
#   attach streams, logs and credentials the API server forwards to it. `--kubelet-https=false`
#   (removed in 1.22) dropped TLS to kubelets altogether. CIS 1.2.5. Medium: it needs a position
#   on the node network; kubeadm does not set the flag by default.
# related_resources:
# - https://kubernetes.io/docs/concepts/architecture/control-plane-node-communication/#apiserver-to-kubelet
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS094
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Enable serving certificates signed by the cluster CA on the kubelets (`serverTLSBootstrap:
#     true` and approved CSRs), then set `--kubelet-certificate-authority` to that CA (e.g.
#     /etc/kubernetes/pki/ca.crt) in the kube-apiserver command or the kubeadm
#     apiServer.extraArgs. Remove `--kubelet-https=false`.
#   frameworks: {cis-k8s: "1.2.5"}
#   aliases: [KCV0006, AVD-KCV-0006, CKV_K8S_73]
package shiplint.kubernetes.apiserver_kubelet_certificate_authority

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.where(["kubelet-certificate-authority"])) if {
	api.comp
	not api.given("kubelet-certificate-authority")
	msg := sprintf("%s does not set --kubelet-certificate-authority: kubelets' serving certificates are not verified", [api.who])
}

deny contains lib.finding(msg, api.path("kubelet-https")) if {
	api.off("kubelet-https")
	msg := sprintf("%s sets --kubelet-https=%s: it talks to kubelets over plain HTTP", [api.who, api.flag("kubelet-https")])
}
