# METADATA
# title: Custom SELinux type, user or role
# description: >-
#   SELinux confines containers by labelling them with the container_t type. Setting another
#   type (such as spc_t, unconfined_t) or any SELinux user or role lets the container escape
#   that confinement. The Baseline Pod Security Standard allows only the types container_t,
#   container_init_t, container_kvm_t and container_engine_t, and no user or role, at pod or
#   container level. Medium: it disables a mandatory access control layer on SELinux nodes.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container
# custom:
#   id: KS011
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Remove `seLinuxOptions.type`, `.user` and `.role`, or use one of the container types;
#     setting only `seLinuxOptions.level` (the MCS categories) is allowed.
#   frameworks: {pss: baseline}
#   aliases: [KSV025, AVD-KSV-0025]
package shiplint.kubernetes.selinux

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

allowed_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

# Every securityContext that can carry seLinuxOptions, with its path and owner.
contexts contains [["podSpec", "securityContext", "seLinuxOptions"], k8s.pod_sc.seLinuxOptions, sprintf("%s (pod securityContext)", [k8s.resource])] if {
	is_object(k8s.pod_sc.seLinuxOptions)
}

contexts contains [["containers", i, "securityContext", "seLinuxOptions"], o, k8s.who(c)] if {
	some i, c in input.containers
	o := k8s.sc(c).seLinuxOptions
	is_object(o)
}

deny contains lib.finding(msg, array.concat(p, ["type"])) if {
	some [p, o, owner] in contexts
	o.type != null
	not o.type in allowed_types
	msg := sprintf("%s sets SELinux type %v; only container_t, container_init_t, container_kvm_t or container_engine_t is allowed", [owner, o.type])
}

deny contains lib.finding(msg, array.concat(p, [field])) if {
	some [p, o, owner] in contexts
	some field in ["user", "role"]
	o[field] != null
	o[field] != ""
	msg := sprintf("%s sets SELinux %s %v; it must not be set", [owner, field, o[field]])
}
