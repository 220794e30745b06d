# METADATA
# title: API server enables the AlwaysAdmit admission plugin
# description: >-
#   AlwaysAdmit (deprecated) admits every request, and a `--admission-control` list built around
#   it usually leaves out the plugins that enforce policy (ServiceAccount, NodeRestriction,
#   PodSecurity). CIS 1.2.10. Medium: it signals admission control that was switched off on
#   purpose.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#alwaysadmit
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS099
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Remove AlwaysAdmit from `--enable-admission-plugins` (or `--admission-control`).
#   frameworks: {cis-k8s: "1.2.10"}
#   aliases: [KCV0011, AVD-KCV-0011, CKV_K8S_79]
package shiplint.kubernetes.apiserver_always_admit

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.path(name)) if {
	some name in api.enabling("AlwaysAdmit")
	msg := sprintf("%s enables the AlwaysAdmit admission plugin (--%s=%s)", [api.who, name, api.flag(name)])
}
