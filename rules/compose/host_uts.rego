# METADATA
# title: Service shares the host's UTS namespace
# description: >-
#   `uts: host` shares the host's hostname and NIS domain name: a container with SYS_ADMIN
#   can rename the host, and software in it sees the host's identity. Low, because it leaks
#   little and changes need an extra capability.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#uts
# - https://docs.docker.com/engine/containers/run/#runtime-constraints-on-resources
# custom:
#   id: DC010
#   severity: low
#   remediation: >-
#     Remove `uts: host`; set the container's name with `hostname:` if software needs one.
#   frameworks: {cis-docker: "5.20"}
package shiplint.compose.host_uts

import data.shiplint.lib

deny contains lib.finding(msg, ["services", name, "uts"]) if {
	some name, svc in input.services
	svc.uts == "host"
	msg := sprintf("Service %q shares the host's UTS namespace (uts: host)", [name])
}
