# METADATA
# title: Pod shares one process namespace between its containers
# description: >-
#   With `shareProcessNamespace: true` every container sees and can signal the other
#   containers' processes, and can read their environment and file systems through
#   /proc/<pid>/root, so a compromise of a sidecar exposes the main container's secrets.
#   Low: the exposure stays inside the pod.
# related_resources:
# - https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
# custom:
#   id: KS023
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Remove `shareProcessNamespace: true` unless a container really needs to see the others'
#     processes (a debugger or a signal-sending sidecar); use an ephemeral debug container
#     with `kubectl debug --target` instead.
package shiplint.kubernetes.share_process_namespace

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, ["podSpec", "shareProcessNamespace"], lib.fix_set("Set shareProcessNamespace: false", ["podSpec", "shareProcessNamespace"], false)) if {
	input.podSpec.shareProcessNamespace == true
	msg := sprintf("%s shares one process namespace between its containers", [k8s.resource])
}
