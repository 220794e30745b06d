# METADATA
# title: Container has no cpu request
# description: >-
#   Without a cpu request the scheduler places the pod as if it needed no cpu, so nodes get overcommitted and the pod is first in line for eviction or throttling under pressure. A limit alone is fine: Kubernetes then uses the limit as the request.
#   Ephemeral containers cannot have resources and are skipped. Low: an availability concern, not a direct security risk.
# related_resources:
# - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# custom:
#   id: KS029
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Set `resources.requests.cpu` on the container (for example `250m`), sized from observed usage.
#   aliases: [KSV015, AVD-KSV-0015, CKV_K8S_10, unset-cpu-requirements]
package shiplint.kubernetes.cpu_requests

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "resources", "requests", "cpu"]) if {
	some i, c in input.containers
	c.containerType != "ephemeralContainer"
	object.get(c, ["resources", "requests", "cpu"], null) == null
	not has_limit(c)
	msg := sprintf("%s has no cpu request", [k8s.who(c)])
}

has_limit(c) if object.get(c, ["resources", "limits", "cpu"], null) != null
