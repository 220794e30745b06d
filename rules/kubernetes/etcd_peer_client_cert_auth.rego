# METADATA
# title: etcd does not require certificates from its peers
# description: >-
#   Without `--peer-client-cert-auth=true` any host that reaches an etcd member's peer port
#   (2380) can talk to it as a cluster member: join the cluster, receive the replicated data
#   (every Secret) or disrupt the raft log. Medium. Only etcd that has peers is checked (an
#   `--initial-cluster` of several members, or `--listen-peer-urls` on a non-loopback
#   address). The flag defaults to false; kubeadm sets it to true. ETCD_PEER_CLIENT_CERT_AUTH
#   counts; etcd run with `--config-file` is not checked.
# related_resources:
# - https://etcd.io/docs/v3.5/op-guide/security/
# - https://etcd.io/docs/v3.5/op-guide/configuration/
# custom:
#   id: KS139
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "2.5"}
#   aliases: [CKV_K8S_121, KCV0046, AVD-KCV-0046]
#   remediation: >-
#     Set `--peer-client-cert-auth=true` with `--peer-trusted-ca-file` naming the etcd CA.
package shiplint.kubernetes.etcd_peer_client_cert_auth

import data.shiplint.lib
import data.shiplint.lib.etcd

deny contains lib.finding(msg, s.path) if {
	etcd.has_peers
	s := etcd.setting("peer-client-cert-auth")
	is_string(s.value)
	not etcd.is_true(s)
	msg := sprintf("%s does not require certificates from its peers (%s)", [etcd.who, s.written])
}

deny contains lib.finding(msg, etcd.comp.path) if {
	etcd.has_peers
	not etcd.setting("peer-client-cert-auth")
	msg := sprintf("%s does not require certificates from its peers (--peer-client-cert-auth is not set and defaults to false)", [etcd.who])
}
