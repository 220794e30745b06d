# METADATA
# title: Service shares the host's process namespace
# description: >-
#   `pid: host` lets the container see and signal every process on the host, read their
#   command lines and environment (often holding secrets) through /proc, and with SYS_PTRACE
#   attach to them. High, because it exposes every host process to the container.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#pid
# - https://docs.docker.com/engine/containers/run/#runtime-constraints-on-resources
# custom:
#   id: DC007
#   severity: high
#   remediation: >-
#     Remove `pid: host`. To share processes between two services use `pid: "service:<name>"`.
#   frameworks: {cis-docker: "5.15"}
#   aliases: [4f31dd9f-2cc3-4751-9b53-67e4af83dac0]
package shiplint.compose.host_pid

import data.shiplint.lib

deny contains lib.finding(msg, ["services", name, "pid"]) if {
	some name, svc in input.services
	svc.pid == "host"
	msg := sprintf("Service %q shares the host's process namespace (pid: host)", [name])
}
