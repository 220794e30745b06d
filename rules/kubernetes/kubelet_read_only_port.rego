# METADATA
# title: Kubelet serves its read-only port
# description: >-
#   The kubelet's read-only port (10255) answers without any authentication or authorization:
#   anyone who reaches the node can list its pods with their full specs (environment
#   variables included, where secrets are often written), read node metrics and discover
#   what runs where. Medium. A KubeletConfiguration file defaults to `readOnlyPort: 0`
#   (disabled) and is flagged only when it sets a port; the command-line flag defaults to
#   10255, so a kubelet run from a container without `--config` is flagged when it leaves
#   `--read-only-port` out.
# related_resources:
# - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
# - https://github.com/kubernetes/kubernetes/pull/64187
# custom:
#   id: KS118
#   severity: medium
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.4"}
#   aliases: [CKV_K8S_141]
#   remediation: >-
#     Set `readOnlyPort: 0` (or `--read-only-port=0`) and read metrics from the authenticated
#     port 10250 instead.
package shiplint.kubernetes.kubelet_read_only_port

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding_fix(msg, s.path, kubelet.fix(kb, s, "Set the read-only port to 0", 0)) if {
	some kb in kubelet.kubelets
	s := kubelet.setting(kb, "readOnlyPort")
	is_number(s.value)
	s.value > 0
	msg := sprintf("%s serves the unauthenticated read-only port %v (%s)", [kb.who, s.value, kubelet.written(kb, "readOnlyPort", s)])
}
