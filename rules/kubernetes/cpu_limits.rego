# METADATA
# title: Container has no cpu limit
# description: >-
#   Without a CPU limit a busy or compromised container can take every idle CPU cycle of the node (it is still bounded by its neighbours' requests). Some teams deliberately set none to avoid throttling; disable this rule if that is your policy.
#   Ephemeral containers cannot have resources and are skipped. Low: requests protect neighbours; the limit is defence in depth.
# related_resources:
# - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# custom:
#   id: KS030
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Set `resources.limits.cpu` on the container (for example `250m`), sized from observed usage.
#   aliases: [KSV011, AVD-KSV-0011, CKV_K8S_11, unset-cpu-requirements]
package shiplint.kubernetes.cpu_limits

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "resources", "limits", "cpu"]) if {
	some i, c in input.containers
	c.containerType != "ephemeralContainer"
	object.get(c, ["resources", "limits", "cpu"], null) == null
	msg := sprintf("%s has no cpu limit", [k8s.who(c)])
}

