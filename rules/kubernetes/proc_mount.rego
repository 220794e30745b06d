# METADATA
# title: Container unmasks /proc (procMount is not Default)
# description: >-
#   By default the runtime masks and makes read-only sensitive parts of /proc (such as
#   /proc/kcore, /proc/sysrq-trigger, /proc/sys). `procMount: Unmasked` removes those masks,
#   exposing kernel interfaces to the container. The Baseline Pod Security Standard allows only
#   the Default proc mount type, except, from policy version v1.35 on, in a pod with its own
#   user namespace (`hostUsers: false`), where the kernel limits what the unmasked paths
#   reach; Restricted still allows only Default there (KS085). High: in the host's user
#   namespace the unmasked paths are known escape vectors.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1
# custom:
#   id: KS012
#   severity: high
#   applies_to: [workload]
#   remediation: >-
#     Remove `securityContext.procMount` or set it to `Default`. A workload that needs an
#     unmasked /proc (a nested container runtime) should run with `hostUsers: false`.
#   frameworks: {pss: baseline}
#   aliases: [KSV027, AVD-KSV-0027, unsafe-proc-mount]
package shiplint.kubernetes.proc_mount

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, ["containers", i, "securityContext", "procMount"], lib.fix_set("Set procMount: Default", ["containers", i, "securityContext", "procMount"], "Default")) if {
	not k8s.user_namespace
	some i, c in input.containers
	v := k8s.sc(c).procMount
	v != null
	v != ""
	v != "Default"
	msg := sprintf("%s sets procMount: %v; only Default is allowed", [k8s.who(c), v])
}
