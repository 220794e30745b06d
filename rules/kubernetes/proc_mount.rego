# METADATA
# title: Container unmasks /proc (procMount is not Default)
# description: >-
#   By default the runtime masks and makes read-only sensitive parts of /proc (such as
#   /proc/kcore, /proc/sysrq-trigger, /proc/sys). `procMount: Unmasked` removes those masks,
#   exposing kernel interfaces to the container. The Baseline Pod Security Standard allows only
#   the Default proc mount type. High: the unmasked paths are known escape vectors.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1
# custom:
#   id: KS012
#   severity: high
#   applies_to: [workload]
#   remediation: Remove `securityContext.procMount` or set it to `Default`.
#   frameworks: {pss: baseline}
#   aliases: [KSV027, AVD-KSV-0027, unsafe-proc-mount]
package shiplint.kubernetes.proc_mount

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "securityContext", "procMount"]) if {
	some i, c in input.containers
	v := k8s.sc(c).procMount
	v != null
	v != ""
	v != "Default"
	msg := sprintf("%s sets procMount: %v; only Default is allowed", [k8s.who(c), v])
}
