# METADATA
# title: Windows HostProcess container
# description: >-
#   A HostProcess container (`windowsOptions.hostProcess: true`) runs directly on the Windows
#   node as a host process, with the node's network and file system and no container
#   isolation. The Baseline Pod Security Standard forbids it at pod and container level.
#   Critical: it is full privileged access to the node.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/
# custom:
#   id: KS004
#   severity: critical
#   applies_to: [workload]
#   remediation: >-
#     Remove `windowsOptions.hostProcess: true` from the pod and container securityContext (or
#     set it to false); run node-management work in a namespace whose policy explicitly allows
#     privileged pods.
#   frameworks: {pss: baseline}
#   aliases: [KSV103, AVD-KSV-0103]
package shiplint.kubernetes.host_process

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, ["podSpec", "securityContext", "windowsOptions", "hostProcess"], lib.fix_set("Set windowsOptions.hostProcess: false", ["podSpec", "securityContext", "windowsOptions", "hostProcess"], false)) if {
	k8s.pod_sc.windowsOptions.hostProcess == true
	msg := sprintf("%s sets windowsOptions.hostProcess: true in the pod securityContext", [k8s.resource])
}

deny contains lib.finding_fix(msg, ["containers", i, "securityContext", "windowsOptions", "hostProcess"], lib.fix_set("Set windowsOptions.hostProcess: false", ["containers", i, "securityContext", "windowsOptions", "hostProcess"], false)) if {
	some i, c in input.containers
	k8s.sc(c).windowsOptions.hostProcess == true
	msg := sprintf("%s runs as a Windows HostProcess container", [k8s.who(c)])
}
