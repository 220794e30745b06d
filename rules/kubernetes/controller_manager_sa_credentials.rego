# METADATA
# title: kube-controller-manager runs all controllers with its own credentials
# description: >-
#   Without `--use-service-account-credentials=true` every controller loop acts with the
#   controller manager's single, very broad identity instead of a service account of its own
#   with a role limited to what that controller needs (system:controller:*): a flaw in any
#   controller can then do anything any of them can, and audit logs cannot tell them apart.
#   Medium. The flag defaults to false; kubeadm sets it to true, so a kubeadm configuration is
#   flagged only when `extraArgs` turns it off.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#controller-roles
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
# custom:
#   id: KS129
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "1.3.3"}
#   aliases: [CKV_K8S_108, KCV0035, AVD-KCV-0035]
#   remediation: >-
#     Add `--use-service-account-credentials=true` to the kube-controller-manager command.
package shiplint.kubernetes.controller_manager_sa_credentials

import data.shiplint.lib
import data.shiplint.lib.controlplane as cp

comp := "kube-controller-manager"

deny contains lib.finding(msg, f.path) if {
	f := cp.components[comp].flags["use-service-account-credentials"]
	not cp.is_true(f.value)
	msg := sprintf("%s runs every controller with its own credentials (--use-service-account-credentials=%s)", [cp.who(comp), f.value])
}

deny contains lib.finding(msg, c.path) if {
	c := cp.components[comp]
	not c.flags["use-service-account-credentials"]
	msg := sprintf("%s runs every controller with its own credentials (--use-service-account-credentials is not set and defaults to false)", [cp.who(comp)])
}
