# METADATA
# title: Container has no liveness probe
# description: >-
#   Without a liveness probe the kubelet restarts a container only when its process exits; a
#   deadlocked or wedged server keeps running and failing requests. Init containers,
#   ephemeral containers, Jobs and CronJobs, and pods with restartPolicy Never or OnFailure
#   (which run to completion) do not need one.
#   Low: an availability concern.
# related_resources:
# - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
# custom:
#   id: KS033
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) that fails only when the process
#     cannot recover by itself; use a startupProbe for slow starts.
#   aliases: [CKV_K8S_8, no-liveness-probe, C-0056]
package shiplint.kubernetes.liveness_probe

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "livenessProbe"]) if {
	not input.resourceKind in {"Job", "CronJob"}
	not object.get(input.podSpec, "restartPolicy", "Always") in {"Never", "OnFailure"}
	some i, c in input.containers
	c.containerType == "container"
	object.get(c, "livenessProbe", null) == null
	msg := sprintf("%s has no livenessProbe", [k8s.who(c)])
}
