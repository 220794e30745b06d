# METADATA
# title: Kubelet has no client CA to verify callers' certificates
# description: >-
#   Without `authentication.x509.clientCAFile` (`--client-ca-file`) the kubelet accepts no
#   client certificates: the API server's own kubelet-client certificate is not verified, so
#   its calls for logs, exec and port-forward cannot be authenticated as the API server, and a
#   kubelet that also allows anonymous requests serves them as `system:anonymous`. Medium.
#   Neither the configuration file nor the flags set a default. kubeadm fills it in the
#   KubeletConfiguration of a `kubeadm init --config` stream, so one that is not the first
#   document of its file (the kubelet itself reads a single document) is not flagged; nor is a
#   kubelet run from a container with `--config`, whose file the scan does not see.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/#kubelet-authentication
# - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/#kubelet-config-k8s-io-v1beta1-KubeletX509Authentication
# custom:
#   id: KS117
#   severity: medium
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.3"}
#   remediation: >-
#     Set `authentication.x509.clientCAFile` (or `--client-ca-file`) to the cluster CA that
#     signs the API server's kubelet-client certificate, e.g. `/etc/kubernetes/pki/ca.crt`.
package shiplint.kubernetes.kubelet_client_ca

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding(msg, s.path) if {
	some kb in kubelet.kubelets
	s := kubelet.setting(kb, "clientCAFile")
	trim_space(sprintf("%v", [s.value])) == ""
	msg := sprintf("%s has no client CA file to verify client certificates (%s)", [kb.who, written(kb, s)])
}

written(kb, s) := "authentication.x509.clientCAFile is not set" if {
	kb.source == "config"
	not s.set
} else := "--client-ca-file is not set" if {
	not s.set
} else := kubelet.written(kb, "clientCAFile", s)
