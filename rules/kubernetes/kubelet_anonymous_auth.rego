# METADATA
# title: Kubelet allows anonymous requests
# description: >-
#   With anonymous authentication on, requests to the kubelet's API (port 10250) that carry
#   no credentials are served as `system:anonymous`. Behind `AlwaysAllow` authorization that is
#   anyone who reaches the node: they can list pods, read logs and run commands in every
#   container on it (`/run`, `/exec`), control-plane static pods included; behind Webhook
#   authorization it still hands the API server's RBAC to unauthenticated callers. High. A
#   KubeletConfiguration file defaults to anonymous auth off (kubelet.config.k8s.io/v1beta1),
#   so the file is flagged only when it turns it on; the command-line flag defaults to on, so
#   a kubelet run from a container without `--config` is flagged when it leaves the flag out.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/
# - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/
# custom:
#   id: KS115
#   severity: high
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.1"}
#   aliases: [CKV_K8S_138]
#   remediation: >-
#     Set `authentication.anonymous.enabled: false` in the KubeletConfiguration (or
#     `--anonymous-auth=false`), and keep `authentication.webhook.enabled: true` so the API
#     server can still authenticate to the kubelet.
package shiplint.kubernetes.kubelet_anonymous_auth

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding_fix(msg, s.path, kubelet.fix(kb, s, "Turn anonymous kubelet authentication off", false)) if {
	some kb in kubelet.kubelets
	s := kubelet.setting(kb, "anonymous")
	s.value == true
	msg := sprintf("%s allows anonymous requests to the kubelet API (%s)", [kb.who, kubelet.written(kb, "anonymous", s)])
}
