# METADATA
# title: etcd uses auto-generated self-signed certificates
# description: >-
#   `--auto-tls` (clients) and `--peer-auto-tls` (cluster members) make etcd generate a
#   self-signed certificate at start when none is given. Nothing can verify it, so the
#   connection is encrypted but not authenticated: anyone on the path can impersonate the
#   member. Medium. CIS 2.3 (auto-tls) and 2.6 (peer-auto-tls) are both reported by this rule,
#   at the flag (or ETCD_AUTO_TLS / ETCD_PEER_AUTO_TLS) that turns it on.
# related_resources:
# - https://etcd.io/docs/v3.5/op-guide/security/
# - https://etcd.io/docs/v3.5/op-guide/configuration/
# custom:
#   id: KS137
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "2.3"}
#   aliases: [CKV_K8S_118, KCV0044, AVD-KCV-0044, KCV0047, AVD-KCV-0047]
#   remediation: >-
#     Remove `--auto-tls` and `--peer-auto-tls` (or set them to false) and configure
#     certificates signed by the etcd CA (`--cert-file`/`--key-file`,
#     `--peer-cert-file`/`--peer-key-file`).
package shiplint.kubernetes.etcd_auto_tls

import data.shiplint.lib
import data.shiplint.lib.etcd

deny contains lib.finding(msg, s.path) if {
	some n in ["auto-tls", "peer-auto-tls"]
	s := etcd.setting(n)
	etcd.is_true(s)
	msg := sprintf("%s uses a self-signed auto-generated certificate for %s (%s)", [etcd.who, what[n], s.written])
}

what := {"auto-tls": "clients", "peer-auto-tls": "peers"}
