# METADATA
# title: Service shares the host's IPC namespace
# description: >-
#   `ipc: host` gives the container the host's System V IPC objects and POSIX message
#   queues and /dev/shm: it can read or corrupt shared memory of host processes. Medium,
#   because it exposes data of other processes but is not an escape by itself.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#ipc
# - https://docs.docker.com/engine/containers/run/#runtime-constraints-on-resources
# custom:
#   id: DC008
#   severity: medium
#   remediation: >-
#     Remove `ipc: host`. To share memory between two services use `ipc: "service:<name>"`
#     (or `shareable` on one and `service:<name>` on the other).
#   frameworks: {cis-docker: "5.16"}
#   aliases: [baa3890f-bed7-46f5-ab8f-1da8fc91c729]
package shiplint.compose.host_ipc

import data.shiplint.lib

deny contains lib.finding_fix(msg, ["services", name, "ipc"], lib.fix_set("Set ipc: private", ["services", name, "ipc"], "private")) if {
	some name, svc in input.services
	svc.ipc == "host"
	msg := sprintf("Service %q shares the host's IPC namespace (ipc: host)", [name])
}
