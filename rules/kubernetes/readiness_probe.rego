# METADATA
# title: Container has no readiness probe
# description: >-
#   Without a readiness probe a Service sends traffic to the container as soon as it starts
#   and keeps sending it while the process is overloaded or not yet ready, so rollouts drop
#   requests. Init containers, ephemeral containers, Jobs and CronJobs, and run-to-completion
#   pods (restartPolicy Never or OnFailure) do not need one.
#   Low: an availability concern.
# related_resources:
# - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
# custom:
#   id: KS034
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Add a `readinessProbe` that checks the container can serve (an HTTP health endpoint or
#     a TCP check on its port).
#   aliases: [CKV_K8S_9, no-readiness-probe, C-0018]
package shiplint.kubernetes.readiness_probe

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "readinessProbe"]) if {
	not input.resourceKind in {"Job", "CronJob"}
	not object.get(input.podSpec, "restartPolicy", "Always") in {"Never", "OnFailure"}
	some i, c in input.containers
	c.containerType == "container"
	object.get(c, "readinessProbe", null) == null
	msg := sprintf("%s has no readinessProbe", [k8s.who(c)])
}
