# METADATA
# title: Container does not drop ALL capabilities, or adds one other than NET_BIND_SERVICE
# description: >-
#   Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, FOWNER,
#   SETUID, NET_RAW, ...) that most applications never use and that help an attacker who gets
#   code execution. The Restricted Pod Security Standard requires every container to drop ALL
#   and to add back at most NET_BIND_SERVICE (Windows pods are exempt). Pod Security
#   admission compares the names exactly: `drop: [all]` does not drop ALL for it. Medium.
#   Adding a capability outside the Baseline set, in any spelling, is reported by KS008.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
# custom:
#   id: KS019
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Set `securityContext.capabilities.drop: ["ALL"]` on every container and add back only
#     `NET_BIND_SERVICE` if the process binds a port below 1024.
#   frameworks: {pss: restricted, cis-k8s: "5.2.9"}
#   aliases: [KSV106, AVD-KSV-0106, KSV003, AVD-KSV-0003]
package shiplint.kubernetes.capabilities_restricted

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# Capabilities Baseline allows but Restricted does not (the others are KS008's).
# Names are compared exactly, as check_capabilities_restricted.go does.
baseline_only := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

deny contains lib.finding_fix(msg, path, lib.fix_add("Drop ALL capabilities", path, "ALL")) if {
	not k8s.windows
	some i, c in input.containers
	path := ["containers", i, "securityContext", "capabilities", "drop"]
	not "ALL" in object.get(k8s.sc(c), ["capabilities", "drop"], [])
	msg := drop_message(c)
}

deny contains lib.finding(msg, ["containers", i, "securityContext", "capabilities", "add", j]) if {
	not k8s.windows
	some i, c in input.containers
	some j, name in k8s.sc(c).capabilities.add
	name in baseline_only
	msg := sprintf("%s adds capability %s; Restricted allows adding only NET_BIND_SERVICE", [k8s.who(c), name])
}

# drop: [all] drops everything at run time but is not "ALL" to admission.
drop_message(c) := sprintf("%s drops %q, which Pod Security does not accept for ALL: capability names are case-sensitive", [k8s.who(c), name]) if {
	some name in k8s.sc(c).capabilities.drop
	is_string(name)
	k8s.cap(name) == "ALL"
} else := sprintf("%s does not drop ALL capabilities", [k8s.who(c)])
