# METADATA
# title: API server authorization modes do not include Node
# description: >-
#   The Node authorizer limits each kubelet to the Secrets, ConfigMaps, volumes and pods of its
#   own node. Without it kubelets need broader RBAC grants (often every Secret in the cluster),
#   so one compromised node exposes all of them. CIS 1.2.7. Medium: it widens the blast radius
#   of a node compromise.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/node/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS096
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Include Node in `--authorization-mode` (e.g. `--authorization-mode=Node,RBAC`) together
#     with the NodeRestriction admission plugin.
#   frameworks: {cis-k8s: "1.2.7"}
#   aliases: [KCV0008, AVD-KCV-0008, CKV_K8S_75]
package shiplint.kubernetes.apiserver_authorization_node

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.path("authorization-mode")) if {
	api.given("authorization-mode")
	not "Node" in api.modes
	msg := sprintf("%s sets --authorization-mode=%s without Node: kubelets are not limited to their own node's objects", [api.who, api.flag("authorization-mode")])
}

deny contains lib.finding(msg, api.here) if {
	api.comp
	not api.given("authorization-mode")
	not api.structured_authz
	msg := sprintf("%s does not set --authorization-mode with Node: kubelets are not limited to their own node's objects", [api.who])
}
