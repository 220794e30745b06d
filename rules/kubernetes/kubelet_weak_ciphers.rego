# METADATA
# title: Kubelet accepts weak TLS cipher suites
# description: >-
#   `tlsCipherSuites` listing CBC-mode, RC4, 3DES or NULL suites lets a client (or an
#   attacker downgrading the handshake) protect traffic to the kubelet's API, which carries
#   exec sessions, logs and secrets in pod specs, with ciphers that have practical attacks
#   (Lucky13, Sweet32, RC4 biases). Medium. Leaving `tlsCipherSuites` out uses Go's defaults,
#   which are not flagged.
# related_resources:
# - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
# - https://pkg.go.dev/crypto/tls#InsecureCipherSuites
# custom:
#   id: KS124
#   severity: medium
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.12"}
#   aliases: [CKV_K8S_151]
#   remediation: >-
#     Restrict `tlsCipherSuites` (or `--tls-cipher-suites`) to AEAD suites, e.g.
#     TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
#     TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
#     TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305.
package shiplint.kubernetes.kubelet_weak_ciphers

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding(msg, path) if {
	some kb in kubelet.kubelets
	s := kubelet.setting(kb, "tlsCipherSuites")
	s.set
	is_array(s.value)
	weak := [x | some x in s.value; is_weak(x)]
	count(weak) > 0
	path := cipher_path(kb, s, weak[0])
	msg := sprintf("%s accepts weak TLS cipher suites: %s", [kb.who, concat(", ", weak)])
}

is_weak(x) if {
	is_string(x)
	regex.match(`(?i)(_CBC_|RC4|3DES|_DES_|_NULL_|_NULL$|EXPORT|_anon_)`, x)
}

# In a file, the finding lands on the first weak entry; on a command line, on the flag.
cipher_path(kb, s, first) := array.concat(s.path, [j]) if {
	kb.source == "config"
	some j, x in input.resource.tlsCipherSuites
	x == first
} else := s.path
