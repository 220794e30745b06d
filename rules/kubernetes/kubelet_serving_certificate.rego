# METADATA
# title: Kubelet serves with a self-signed certificate
# description: >-
#   When neither `tlsCertFile`/`tlsPrivateKeyFile` nor `serverTLSBootstrap` is set, the
#   kubelet serves its API with a self-signed certificate it generates at start: no client
#   can verify it, so the API server (and anything else) cannot tell the node from an
#   impostor on the path, and `--kubelet-certificate-authority` cannot be enabled. Low. A
#   kubelet run from a container with `--config` is not flagged: the file may set them.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/#certificate-rotation
# - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
# custom:
#   id: KS121
#   severity: low
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.9"}
#   aliases: [CKV_K8S_148]
#   remediation: >-
#     Set `serverTLSBootstrap: true` (`--rotate-server-certificates`) so the kubelet requests a
#     serving certificate from the cluster CA, or set `tlsCertFile` and `tlsPrivateKeyFile` to a
#     certificate signed by a CA the API server trusts.
package shiplint.kubernetes.kubelet_serving_certificate

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding(msg, kb.path) if {
	some kb in kubelet.kubelets
	not kubelet.setting(kb, "serverTLSBootstrap").value == true
	missing := [n | some n in ["tlsCertFile", "tlsPrivateKeyFile"]; unset(kb, n)]
	count(missing) > 0
	b := kubelet.setting(kb, "serverTLSBootstrap")
	msg := sprintf("%s serves the kubelet API with a self-signed certificate (%s not set, %s)", [kb.who, concat(" and ", [name(kb, n) | some n in missing]), bootstrap(kb, b)])
}

unset(kb, n) if trim_space(sprintf("%v", [kubelet.setting(kb, n).value])) == ""

name(kb, n) := n if kb.source == "config"

else := concat("", ["--", kubelet.flag_name[n]])

bootstrap(kb, b) := "serverTLSBootstrap: false" if {
	kb.source == "config"
	b.set
} else := "serverTLSBootstrap not set" if {
	kb.source == "config"
} else := "--rotate-server-certificates=false" if {
	b.set
} else := "--rotate-server-certificates not set"
