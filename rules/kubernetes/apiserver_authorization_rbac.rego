# METADATA
# title: API server authorization modes do not include RBAC
# description: >-
#   Without RBAC in `--authorization-mode`, Roles and RoleBindings have no effect: access is
#   decided by the other modes only (AlwaysAllow, ABAC policy files or a webhook), and the
#   least-privilege grants the rest of the cluster's manifests express are not enforced. CIS
#   1.2.8. High: Kubernetes' access control model is switched off.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS097
#   severity: high
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Include RBAC in `--authorization-mode` (e.g. `--authorization-mode=Node,RBAC`).
#   frameworks: {cis-k8s: "1.2.8"}
#   aliases: [KCV0009, AVD-KCV-0009, CKV_K8S_77]
package shiplint.kubernetes.apiserver_authorization_rbac

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.path("authorization-mode")) if {
	api.given("authorization-mode")
	not "RBAC" in api.modes
	msg := sprintf("%s sets --authorization-mode=%s without RBAC: Roles and RoleBindings are not enforced", [api.who, api.flag("authorization-mode")])
}

deny contains lib.finding(msg, api.here) if {
	api.comp
	not api.given("authorization-mode")
	not api.structured_authz
	msg := sprintf("%s does not set --authorization-mode with RBAC: Roles and RoleBindings are not enforced", [api.who])
}
