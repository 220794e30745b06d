# METADATA
# title: etcd cluster members talk without TLS certificates
# description: >-
#   Without `--peer-cert-file` and `--peer-key-file` the members of an etcd cluster replicate
#   every write, Secrets included, to each other in plain HTTP (or, with `--peer-auto-tls`,
#   under unverifiable certificates). Medium. Only etcd that has peers is checked: an
#   `--initial-cluster` of several members, or `--listen-peer-urls` on a non-loopback
#   address (a lone member on the default localhost:2380 has no peer traffic). kubeadm sets
#   both. ETCD_* variables count; etcd run with `--config-file` is not checked.
# related_resources:
# - https://etcd.io/docs/v3.5/op-guide/security/
# - https://etcd.io/docs/v3.5/op-guide/clustering/
# custom:
#   id: KS138
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "2.4"}
#   aliases: [CKV_K8S_119, KCV0045, AVD-KCV-0045]
#   remediation: >-
#     Set `--peer-cert-file` and `--peer-key-file` to a peer certificate signed by the etcd CA,
#     with `--peer-client-cert-auth=true` and `--peer-trusted-ca-file`.
package shiplint.kubernetes.etcd_peer_tls

import data.shiplint.lib
import data.shiplint.lib.etcd

deny contains lib.finding(msg, etcd.comp.path) if {
	etcd.has_peers
	missing := [concat("", ["--", n]) | some n in ["peer-cert-file", "peer-key-file"]; not etcd.setting(n)]
	count(missing) > 0
	msg := sprintf("%s has no TLS certificate for its peers (%s not set)", [etcd.who, concat(" and ", missing)])
}

deny contains lib.finding(msg, s.path) if {
	etcd.has_peers
	some n in ["peer-cert-file", "peer-key-file"]
	s := etcd.setting(n)
	etcd.empty(s)
	msg := sprintf("%s has no TLS certificate for its peers (%s is empty)", [etcd.who, concat("", ["--", n])])
}
