# METADATA
# title: Container has no memory request
# description: >-
#   Without a memory request the scheduler places the pod as if it needed no memory, so nodes get overcommitted and the pod is first in line for eviction or throttling under pressure. A limit alone is fine: Kubernetes then uses the limit as the request.
#   Ephemeral containers cannot have resources and are skipped. Low: an availability concern, not a direct security risk.
# related_resources:
# - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# custom:
#   id: KS031
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Set `resources.requests.memory` on the container (for example `256Mi`), sized from observed usage.
#   aliases: [KSV016, AVD-KSV-0016, CKV_K8S_12, unset-memory-requirements]
package shiplint.kubernetes.memory_requests

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "resources", "requests", "memory"]) if {
	some i, c in input.containers
	c.containerType != "ephemeralContainer"
	object.get(c, ["resources", "requests", "memory"], null) == null
	not has_limit(c)
	msg := sprintf("%s has no memory request", [k8s.who(c)])
}

has_limit(c) if object.get(c, ["resources", "limits", "memory"], null) != null
