# METADATA
# title: Service sets a sysctl that reaches beyond the container
# description: >-
#   Docker only isolates namespaced kernel settings: `net.*` (in the container's own network
#   namespace), the IPC ones (`kernel.msg*`, `kernel.sem`, `kernel.shm*`, `fs.mqueue.*`).
#   Anything else (`vm.*`, `kernel.core_pattern`, `fs.*`) is host-wide, and `net.*` with
#   `network_mode: host` or IPC settings with `ipc: host` change the host's own namespace:
#   such a setting either fails at start or alters every process on the host. Medium,
#   because host kernel settings such as core_pattern are an escape path.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#sysctls
# - https://docs.docker.com/reference/cli/docker/container/run/#sysctl
# custom:
#   id: DC029
#   severity: medium
#   remediation: >-
#     Set host-wide kernel settings on the host (/etc/sysctl.d) instead of in the Compose file;
#     keep only namespaced `net.*` and IPC settings under `sysctls:`, and not together with
#     `network_mode: host` or `ipc: host`.
package shiplint.compose.unsafe_sysctls

import data.shiplint.lib

ipc_sysctls := {"kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced"}

# name normalizes "net/ipv4/ip_forward" to "net.ipv4.ip_forward".
sysctl_name(k) := lower(replace(trim_space(k), "/", "."))

ipc_sysctl(n) if n in ipc_sysctls

ipc_sysctl(n) if startswith(n, "fs.mqueue.")

reason(n, _) := "is not namespaced: it changes the whole host" if {
	not startswith(n, "net.")
	not ipc_sysctl(n)
}

reason(n, svc) := "changes the host's network stack (network_mode: host)" if {
	startswith(n, "net.")
	svc.network_mode == "host"
}

reason(n, svc) := "changes the host's IPC settings (ipc: host)" if {
	ipc_sysctl(n)
	svc.ipc == "host"
}

deny contains lib.finding(msg, ["services", name, "sysctls", key]) if {
	some name, svc in input.services
	some key, _ in svc.sysctls
	why := reason(sysctl_name(key), svc)
	msg := sprintf("Service %q sets sysctl %s, which %s", [name, key, why])
}
