# METADATA
# title: Pod sets a sysctl outside the safe set
# description: >-
#   Most kernel parameters are not namespaced per pod, or are but can starve or weaken other
#   pods on the node. The Baseline Pod Security Standard (policy version v1.37) allows only the
#   safe sysctls kernel.shm_rmid_forced, net.ipv4.ip_local_port_range,
#   net.ipv4.ip_local_reserved_ports, net.ipv4.ip_unprivileged_port_start,
#   net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.tcp_keepalive_time,
#   net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes,
#   net.ipv4.tcp_rmem, net.ipv4.tcp_wmem, net.ipv4.tcp_slow_start_after_idle and
#   net.ipv4.tcp_notsent_lowat, matched as written with dots (the kubelet also accepts
#   net/ipv4/tcp_syncookies, Pod Security admission does not). High: unsafe sysctls can
#   disable kernel security mechanisms or affect the whole node.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
# custom:
#   id: KS014
#   severity: high
#   applies_to: [workload]
#   remediation: >-
#     Remove the sysctl from `spec.securityContext.sysctls`; tune it on the nodes (node image
#     or a dedicated, privileged node-setup DaemonSet) if the workload really needs it.
#   frameworks: {pss: baseline}
#   aliases: [KSV026, AVD-KSV-0026, unsafe-sysctls]
package shiplint.kubernetes.unsafe_sysctls

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# The safe sysctls of check_sysctls.go, by the policy version that added them.
safe := {
	# v1.0
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_unprivileged_port_start",
	# v1.27
	"net.ipv4.ip_local_reserved_ports",
	# v1.29
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
	# v1.32
	"net.ipv4.tcp_rmem",
	"net.ipv4.tcp_wmem",
	# v1.37
	"net.ipv4.tcp_slow_start_after_idle",
	"net.ipv4.tcp_notsent_lowat",
}

deny contains lib.finding(msg, ["podSpec", "securityContext", "sysctls", j, "name"]) if {
	some j, s in k8s.pod_sc.sysctls
	is_string(s.name)
	not s.name in safe
	msg := message(s.name)
}

# A safe sysctl written with "/" separators: the kubelet reads it, Pod
# Security admission compares names exactly and rejects the pod.
message(name) := sprintf("%s sets sysctl %s, which Pod Security accepts only as %s", [k8s.resource, name, replace(name, "/", ".")]) if {
	replace(name, "/", ".") in safe
} else := sprintf("%s sets sysctl %s, which is outside the safe set", [k8s.resource, name])
