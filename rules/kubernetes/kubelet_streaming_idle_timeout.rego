# METADATA
# title: Kubelet streaming connections never time out
# description: >-
#   `streamingConnectionIdleTimeout: 0` keeps idle `exec`, `attach` and `port-forward`
#   streams open forever: a forgotten or hijacked session to a container stays usable, and
#   idle connections pile up until the node runs out of them. Low. The default (4h) is
#   bounded; only an explicit zero is flagged.
# related_resources:
# - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/
# custom:
#   id: KS119
#   severity: low
#   applies_to: [control-plane, KubeletConfiguration, InitConfiguration, JoinConfiguration]
#   frameworks: {cis-k8s: "4.2.5"}
#   aliases: [CKV_K8S_143]
#   remediation: >-
#     Remove `streamingConnectionIdleTimeout` (default 4h) or set a bounded value such as `5m`
#     (`--streaming-connection-idle-timeout=5m`).
package shiplint.kubernetes.kubelet_streaming_idle_timeout

import data.shiplint.lib
import data.shiplint.lib.kubelet

deny contains lib.finding(msg, s.path) if {
	some kb in kubelet.kubelets
	s := kubelet.setting(kb, "streamingConnectionIdleTimeout")
	zero_duration(s.value)
	msg := sprintf("%s never closes idle streaming connections (%s)", [kb.who, kubelet.written(kb, "streamingConnectionIdleTimeout", s)])
}

# zero_duration holds for a Go duration of zero: 0, "0", "0s", "0m0s", "0.0h"...
zero_duration(v) if v == 0

zero_duration(v) if {
	is_string(v)
	regex.match(`^[+-]?(0+(\.0*)?|(0*\.?0+(ns|us|µs|μs|ms|s|m|h))+|(0+\.?0*(ns|us|µs|μs|ms|s|m|h))+)$`, trim_space(v))
}
