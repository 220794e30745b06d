# METADATA
# title: Service adds a dangerous capability
# description: >-
#   Capabilities outside Docker's default set such as SYS_ADMIN (mount, namespaces, cgroup
#   release_agent escapes), SYS_MODULE (kernel modules), SYS_PTRACE (read other processes'
#   memory), DAC_READ_SEARCH (open_by_handle_at host file reads), SYS_RAWIO, BPF or NET_ADMIN
#   give root in the container a documented path to the host or to other containers. High,
#   because each one is a known escape or takeover primitive.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#cap_add
# - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
# - https://man7.org/linux/man-pages/man7/capabilities.7.html
# custom:
#   id: DC005
#   severity: high
#   remediation: >-
#     Remove the capability from `cap_add`. If the service really needs it, run that part in a
#     separate, minimal service, and keep `cap_drop: [ALL]` plus only the capabilities it needs.
#     Teams can change the list with the `capabilities` parameter.
#   frameworks: {cis-docker: "5.3"}
package shiplint.compose.dangerous_capabilities

import data.shiplint.lib

# NET_RAW, CHOWN, SETUID and the rest of Docker's default set are not listed: adding
# them changes nothing.
default_dangerous := [
	"SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "DAC_READ_SEARCH",
	"NET_ADMIN", "BPF", "PERFMON", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "SYSLOG",
	"LINUX_IMMUTABLE", "AUDIT_CONTROL", "SYS_PACCT", "CHECKPOINT_RESTORE",
]

dangerous := {upper(c) | some c in lib.param("DC005", "capabilities", default_dangerous)}

deny contains lib.finding(msg, ["services", name, "cap_add", i]) if {
	some name, svc in input.services
	some i, cap in svc.cap_add
	cap in dangerous
	msg := sprintf("Service %q adds the %s capability", [name, cap])
}
