# METADATA
# title: API server allows weak TLS cipher suites
# description: >-
#   `--tls-cipher-suites` replaces Go's default cipher suites. Listing suites outside the strong
#   set (RC4, 3DES, CBC with SHA-256, RSA key exchange without forward secrecy...) lets a client
#   or a man-in-the-middle negotiate encryption that can be broken or recorded and decrypted
#   later. Go's defaults are strong, so an unset flag is not reported. CIS 1.2.29. Medium.
# related_resources:
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/#options
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS113
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Limit `--tls-cipher-suites` to AEAD suites with forward secrecy, e.g. TLS_ECDHE_ECDSA_WITH
#     _AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM
#     _SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA2
#     56,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, or remove the flag to use Go's defaults.
#   frameworks: {cis-k8s: "1.2.29"}
#   aliases: [CKV_K8S_105]
package shiplint.kubernetes.apiserver_weak_tls_ciphers

import data.shiplint.lib
import data.shiplint.lib.apiserver as api
import data.shiplint.lib.controlplane as cp

# The suites CIS 1.2.29 accepts, and the two RSA-GCM suites earlier CIS versions listed.
strong := {
	"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
	"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
	"TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
	"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
	"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
	"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
	"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
	"TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
}

deny contains lib.finding(msg, api.path("tls-cipher-suites")) if {
	weak := [s | some s in cp.list(api.flag("tls-cipher-suites")); not upper(s) in strong]
	count(weak) > 0
	msg := sprintf("%s allows weak TLS cipher suites: %s", [api.who, concat(", ", weak)])
}
