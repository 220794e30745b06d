# METADATA
# title: Container allows privilege escalation
# description: >-
#   Unless `allowPrivilegeEscalation` is false, a process in the container can gain more
#   privileges than its parent through setuid/setgid binaries or file capabilities (the
#   kernel's no_new_privs flag is not set), so a non-root foothold can become root. The
#   Restricted Pod Security Standard requires it to be false on every container (Windows pods
#   are exempt). Medium: it turns a limited compromise into root in the container.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: KS016
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Set `securityContext.allowPrivilegeEscalation: false` on every container.
#   frameworks: {pss: restricted, cis-k8s: "5.2.5"}
#   aliases: [KSV001, AVD-KSV-0001, CKV_K8S_20, privilege-escalation-container, C-0016]
package shiplint.kubernetes.allow_privilege_escalation

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, path, fix) if {
	not k8s.windows
	some i, c in input.containers
	v := object.get(k8s.sc(c), "allowPrivilegeEscalation", null)
	v != false
	msg := describe(c, v)
	path := ["containers", i, "securityContext", "allowPrivilegeEscalation"]
	fix := lib.fix_set("Set allowPrivilegeEscalation: false", path, false)
}

describe(c, null) := sprintf("%s does not set allowPrivilegeEscalation: false", [k8s.who(c)])

describe(c, v) := sprintf("%s sets allowPrivilegeEscalation: %v; it must be false", [k8s.who(c), v]) if v != null
