# METADATA
# title: Container adds a capability beyond the Baseline set
# description: >-
#   Capabilities outside the default set a container runtime grants (such as SYS_ADMIN,
#   NET_ADMIN, SYS_PTRACE, SYS_MODULE, BPF or ALL) give root in the container powers over the
#   node's kernel that lead to escapes. The Baseline Pod Security Standard allows adding only
#   AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP,
#   SETGID, SETPCAP, SETUID and SYS_CHROOT, and compares names exactly as Pod Security
#   admission does: `chown` or `CAP_CHOWN` are not `CHOWN` (container runtimes upper-case the
#   name and add CAP_, so they grant the same capability, but the pod is rejected). High:
#   several of the others are direct escape primitives.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://man7.org/linux/man-pages/man7/capabilities.7.html
# custom:
#   id: KS008
#   severity: high
#   applies_to: [workload]
#   remediation: >-
#     Remove the capability from `securityContext.capabilities.add`. If the process needs one
#     privileged operation, do it in a separate, narrowly scoped component that runs in a
#     namespace whose policy allows it.
#   frameworks: {pss: baseline}
#   aliases: [KSV022, AVD-KSV-0022]
package shiplint.kubernetes.capabilities_baseline

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# Pod Security admission compares names exactly (check_capabilities_baseline.go).
baseline_caps := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

deny contains lib.finding(msg, ["containers", i, "securityContext", "capabilities", "add", j]) if {
	some i, c in input.containers
	some j, name in k8s.sc(c).capabilities.add
	is_string(name)
	not name in baseline_caps
	msg := message(c, name)
}

# A Baseline capability spelled another way: runtimes grant it, admission
# rejects the pod.
message(c, name) := sprintf("%s adds capability %q, which Pod Security does not accept for %s: capability names are case-sensitive and written without CAP_", [k8s.who(c), name, k8s.cap(name)]) if {
	k8s.cap(name) in baseline_caps
} else := sprintf("%s adds capability %s, which is outside the Baseline set", [k8s.who(c), name])
