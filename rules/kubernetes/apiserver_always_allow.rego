# METADATA
# title: API server authorizes every request (AlwaysAllow)
# description: >-
#   With the AlwaysAllow authorization mode every authenticated request (and every anonymous
#   one, unless anonymous authentication is off) is allowed: RBAC is not consulted, and any
#   service account token or user can read Secrets and create privileged pods. kube-apiserver
#   falls back to AlwaysAllow when neither `--authorization-mode` nor `--authorization-config`
#   is set. CIS 1.2.6. Critical: the cluster has no access control.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/authorization/#authorization-modules
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS095
#   severity: critical
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--authorization-mode=Node,RBAC` (or a structured `--authorization-config`) and remove
#     AlwaysAllow. kubeadm sets Node,RBAC unless apiServer.extraArgs overrides authorization-
#     mode.
#   frameworks: {cis-k8s: "1.2.6"}
#   aliases: [KCV0007, AVD-KCV-0007, CKV_K8S_74]
package shiplint.kubernetes.apiserver_always_allow

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.path("authorization-mode")) if {
	"AlwaysAllow" in api.modes
	msg := sprintf("%s sets --authorization-mode=%s: AlwaysAllow authorizes every request", [api.who, api.flag("authorization-mode")])
}

deny contains lib.finding(msg, api.here) if {
	api.comp
	not api.given("authorization-mode")
	not api.structured_authz
	msg := sprintf("%s sets neither --authorization-mode nor --authorization-config: every request is authorized (AlwaysAllow is the default)", [api.who])
}
