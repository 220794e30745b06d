# METADATA
# title: Container has no memory limit
# description: >-
#   Without a memory limit one container can use all of the node's memory, triggering the OOM killer on its neighbours; a leak or an attacker-driven allocation becomes a node-wide denial of service.
#   Ephemeral containers cannot have resources and are skipped. Medium: it is the easiest resource-exhaustion path to other workloads.
# related_resources:
# - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# custom:
#   id: KS032
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Set `resources.limits.memory` on the container (for example `256Mi`), sized from observed usage.
#   aliases: [KSV018, AVD-KSV-0018, CKV_K8S_13, unset-memory-requirements]
package shiplint.kubernetes.memory_limits

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "resources", "limits", "memory"]) if {
	some i, c in input.containers
	c.containerType != "ephemeralContainer"
	object.get(c, ["resources", "limits", "memory"], null) == null
	msg := sprintf("%s has no memory limit", [k8s.who(c)])
}

