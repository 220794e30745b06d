# METADATA
# title: Service opts out of user namespace remapping
# description: >-
#   When the daemon remaps users (userns-remap), `userns_mode: host` turns it off for this
#   service, so root in the container is root on the host again for every file and device it
#   can reach. Medium, because it only matters where remapping is enabled, where it undoes it.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#userns_mode
# - https://docs.docker.com/engine/containers/run/#runtime-constraints-on-resources
# custom:
#   id: DC009
#   severity: medium
#   remediation: >-
#     Remove `userns_mode: host` and fix the ownership problem that required it (for example
#     chown the bind-mounted directory to the remapped user).
#   frameworks: {cis-docker: "5.30"}
#   aliases: [8af7162d-6c98-482f-868e-0d33fb675ca8]
package shiplint.compose.host_userns

import data.shiplint.lib

deny contains lib.finding(msg, ["services", name, "userns_mode"]) if {
	some name, svc in input.services
	svc.userns_mode == "host"
	msg := sprintf("Service %q shares the host's user namespace (userns_mode: host)", [name])
}
