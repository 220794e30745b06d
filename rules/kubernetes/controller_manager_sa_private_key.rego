# METADATA
# title: kube-controller-manager has no service account private key
# description: >-
#   `--service-account-private-key-file` is the key kube-controller-manager signs
#   service-account token Secrets with; without it the token controller cannot issue them, and
#   keys cannot be rotated by pairing it with the API server's `--service-account-key-file`.
#   Low. kubeadm sets it (`sa.key`), so kubeadm configurations are flagged only when
#   `extraArgs` empties it.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
# custom:
#   id: KS130
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "1.3.4"}
#   aliases: [KCV0036, AVD-KCV-0036]
#   remediation: >-
#     Set `--service-account-private-key-file` to the private key matching the API server's
#     `--service-account-key-file` (kubeadm: /etc/kubernetes/pki/sa.key).
package shiplint.kubernetes.controller_manager_sa_private_key

import data.shiplint.lib
import data.shiplint.lib.controlplane as cp

comp := "kube-controller-manager"

deny contains lib.finding(msg, f.path) if {
	f := cp.components[comp].flags["service-account-private-key-file"]
	cp.unquote(f.value) == ""
	msg := sprintf("%s has no service account private key (--service-account-private-key-file is empty)", [cp.who(comp)])
}

deny contains lib.finding(msg, c.path) if {
	c := cp.components[comp]
	not c.flags["service-account-private-key-file"]
	msg := sprintf("%s has no service account private key (--service-account-private-key-file is not set)", [cp.who(comp)])
}
