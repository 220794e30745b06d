# METADATA
# title: API server has no client certificate for kubelets
# description: >-
#   kube-apiserver connects to every kubelet (logs, exec, attach, port-forward). Without
#   `--kubelet-client-certificate` and `--kubelet-client-key` it presents no credentials, so the
#   kubelets must accept unauthenticated requests for those features to work, and then so does
#   everyone else on the network. CIS 1.2.4. Medium: the risk is realized on the kubelet side.
# related_resources:
# - https://kubernetes.io/docs/concepts/architecture/control-plane-node-communication/#control-plane-to-node
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS093
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--kubelet-client-certificate` and `--kubelet-client-key` to a client certificate the
#     kubelets trust (kubeadm sets them to /etc/kubernetes/pki/apiserver-kubelet-client.crt and
#     .key), and enable webhook authentication and authorization on the kubelets.
#   frameworks: {cis-k8s: "1.2.4"}
#   aliases: [KCV0005, AVD-KCV-0005, CKV_K8S_72]
package shiplint.kubernetes.apiserver_kubelet_client_certificate

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.where(m)) if {
	api.comp
	m := api.missing(["kubelet-client-certificate", "kubelet-client-key"])
	count(m) > 0
	msg := sprintf("%s does not set %s: it cannot authenticate to kubelets with a client certificate", [api.who, api.dashed(m)])
}
