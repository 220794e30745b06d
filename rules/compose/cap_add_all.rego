# METADATA
# title: Service adds all capabilities
# description: >-
#   `cap_add: [ALL]` hands the container every Linux capability, including SYS_ADMIN and
#   SYS_MODULE, and Docker's default seccomp profile then allows the system calls those
#   capabilities guard: root in the container can load a kernel module or mount the host's
#   disks. Critical, because it is one step from `privileged: true`.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#cap_add
# - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
# - https://man7.org/linux/man-pages/man7/capabilities.7.html
# custom:
#   id: DC004
#   severity: critical
#   remediation: >-
#     Replace `ALL` with the one or two capabilities the service needs (for example
#     `NET_BIND_SERVICE`), and add `cap_drop: [ALL]` so it keeps nothing else.
#   frameworks: {cis-docker: "5.3"}
package shiplint.compose.cap_add_all

import data.shiplint.lib

deny contains lib.finding(msg, ["services", name, "cap_add", i]) if {
	some name, svc in input.services
	some i, cap in svc.cap_add
	cap == "ALL"
	msg := sprintf("Service %q adds every Linux capability (cap_add: ALL)", [name])
}
