# METADATA
# title: Container unmasks /proc in a pod with its own user namespace (Restricted)
# description: >-
#   From policy version v1.35 on, the Baseline Pod Security Standard lets a pod that runs in
#   its own user namespace (`hostUsers: false`) set `procMount: Unmasked`, which nested
#   container runtimes (BuildKit, Podman, Kubernetes in Kubernetes) need; the Restricted
#   standard still allows only the Default proc mount type. Without the masks the container
#   sees /proc/kcore, /proc/sysrq-trigger, /proc/sys and the like, limited by what its user
#   namespace may do. Medium: the user namespace contains most of the damage, but the masked
#   paths are a defence in depth Restricted keeps. Outside a user namespace the same setting
#   is reported by KS012.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# - https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/
# custom:
#   id: KS085
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Remove `securityContext.procMount` or set it to `Default`. If the workload needs an
#     unmasked /proc, run it in a namespace that enforces Baseline rather than Restricted.
#   frameworks: {pss: restricted}
package shiplint.kubernetes.proc_mount_user_namespace

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, ["containers", i, "securityContext", "procMount"], lib.fix_set("Set procMount: Default", ["containers", i, "securityContext", "procMount"], "Default")) if {
	k8s.user_namespace
	some i, c in input.containers
	v := k8s.sc(c).procMount
	v != null
	v != ""
	v != "Default"
	msg := sprintf("%s sets procMount: %v; Restricted allows only Default, even with hostUsers: false", [k8s.who(c), v])
}
