# METADATA
# title: API server does not enable the NodeRestriction admission plugin
# description: >-
#   The NodeRestriction admission plugin stops a kubelet from modifying other nodes' Node
#   objects and pods, and from setting the node labels the scheduler and workloads use for
#   isolation (node-restriction.kubernetes.io/). Without it one compromised node can relabel
#   itself to attract sensitive workloads or tamper with others. CIS 1.2.14. Medium.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#noderestriction
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS102
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Add NodeRestriction to `--enable-admission-plugins` (kubeadm does so unless
#     apiServer.extraArgs replaces the list) and use the Node authorization mode.
#   frameworks: {cis-k8s: "1.2.14"}
#   aliases: [KCV0016, AVD-KCV-0016, CKV_K8S_85]
package shiplint.kubernetes.apiserver_node_restriction

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.plugins_path) if {
	api.comp
	not api.plugin_on("NodeRestriction")
	msg := sprintf("%s does not enable the NodeRestriction admission plugin: kubelets can modify other nodes and their pods", [api.who])
}
