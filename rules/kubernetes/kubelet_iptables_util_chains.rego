# METADATA
# title: Kubelet does not manage its iptables chains
# description: >-
#   `makeIPTablesUtilChains: false` stops the kubelet from creating and keeping its iptables
#   utility chains, KUBE-FIREWALL among them, which drops packets from other hosts addressed to
#   services the node binds to 127.0.0.1 (CVE-2020-8558); the node's rules then drift from what
#   the network plugin and kube-proxy expect. Low. The default is true; only an explicit false
#   is flagged.
# related_resources:
# - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
# - https://kubernetes.io/docs/reference/networking/virtual-ips/
# custom:
#   id: KS120
#   severity: low
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.6"}
#   aliases: [CKV_K8S_145]
#   remediation: >-
#     Remove `makeIPTablesUtilChains` (default true) or set it to true
#     (`--make-iptables-util-chains=true`).
package shiplint.kubernetes.kubelet_iptables_util_chains

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding_fix(msg, s.path, kubelet.fix(kb, s, "Set makeIPTablesUtilChains: true", true)) if {
	some kb in kubelet.kubelets
	s := kubelet.setting(kb, "makeIPTablesUtilChains")
	s.value == false
	msg := sprintf("%s does not manage its iptables utility chains (%s)", [kb.who, kubelet.written(kb, "makeIPTablesUtilChains", s)])
}
