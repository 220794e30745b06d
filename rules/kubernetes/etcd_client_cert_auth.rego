# METADATA
# title: etcd does not require client certificates
# description: >-
#   Without `--client-cert-auth=true` etcd serves any client that reaches port 2379, with no
#   credentials: reading every Secret of the cluster, or writing a ClusterRoleBinding or a
#   privileged pod straight into storage behind the API server's back, is one etcdctl call.
#   High. The flag defaults to false; kubeadm sets it to true, so a kubeadm configuration is
#   flagged only when `etcd.local.extraArgs` turns it off. ETCD_CLIENT_CERT_AUTH counts; etcd
#   run with `--config-file` is not checked.
# related_resources:
# - https://etcd.io/docs/v3.5/op-guide/security/
# - https://etcd.io/docs/v3.5/op-guide/configuration/
# custom:
#   id: KS136
#   severity: high
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "2.2"}
#   aliases: [CKV_K8S_117, KCV0043, AVD-KCV-0043]
#   remediation: >-
#     Set `--client-cert-auth=true` with `--trusted-ca-file` naming the etcd CA, and give the
#     API server a client certificate (`--etcd-certfile`, `--etcd-keyfile`).
package shiplint.kubernetes.etcd_client_cert_auth

import data.shiplint.lib
import data.shiplint.lib.etcd

deny contains lib.finding(msg, s.path) if {
	s := etcd.setting("client-cert-auth")
	is_string(s.value)
	not etcd.is_true(s)
	msg := sprintf("%s does not require client certificates (%s)", [etcd.who, s.written])
}

deny contains lib.finding(msg, etcd.comp.path) if {
	not etcd.setting("client-cert-auth")
	msg := sprintf("%s does not require client certificates (--client-cert-auth is not set and defaults to false)", [etcd.who])
}
