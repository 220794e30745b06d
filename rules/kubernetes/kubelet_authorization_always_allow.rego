# METADATA
# title: Kubelet authorizes every request (AlwaysAllow)
# description: >-
#   With authorization mode `AlwaysAllow` the kubelet serves every request that authenticates
#   (and, with anonymous auth on, every request at all): any service account token from any
#   pod is enough to run commands in every container on the node (`/exec`, `/run`), read
#   their logs and environment, and so take over the control-plane pods scheduled there.
#   Critical. A KubeletConfiguration file defaults to `Webhook` (kubelet.config.k8s.io/v1beta1)
#   and is flagged only when it sets `AlwaysAllow`; the command-line flag defaults to
#   `AlwaysAllow`, so a kubelet run from a container without `--config` is flagged when it
#   leaves `--authorization-mode` out.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/#kubelet-authorization
# - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
# custom:
#   id: KS116
#   severity: critical
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.2"}
#   aliases: [CKV_K8S_139]
#   remediation: >-
#     Set `authorization.mode: Webhook` in the KubeletConfiguration (or
#     `--authorization-mode=Webhook`) so the kubelet asks the API server (SubjectAccessReview)
#     whether each caller may use the node's API.
package shiplint.kubernetes.kubelet_authorization_always_allow

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding(msg, s.path) if {
	some kb in kubelet.kubelets
	s := kubelet.setting(kb, "authorizationMode")
	"AlwaysAllow" in [trim_space(m) | some m in split(sprintf("%v", [s.value]), ",")]
	msg := sprintf("%s authorizes every request to the kubelet API (%s)", [kb.who, kubelet.written(kb, "authorizationMode", s)])
}
