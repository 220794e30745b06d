# METADATA
# title: Service runs as root
# description: >-
#   `user: root` (or `0`, `0:0`) runs the service as root even when the image was built to run
#   as an unprivileged user. Root in a container is a step away from root on the host: any
#   kernel bug, writable host mount or added capability becomes an escape. Medium, because it
#   is an explicit choice to give up the non-root default.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#user
# - https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-2-set-a-user
# custom:
#   id: DC019
#   severity: medium
#   remediation: >-
#     Remove `user: root` or set an unprivileged user (`user: "1000:1000"`); give files the
#     service must write to that user, and use capabilities like NET_BIND_SERVICE instead of root.
#   frameworks: {cis-docker: "4.1"}
package shiplint.compose.root_user

import data.shiplint.lib

root_names := {"root", "0"}

deny contains lib.finding(msg, ["services", name, "user"]) if {
	some name, svc in input.services
	u := trim_space(sprintf("%v", [svc.user]))
	parts := split(u, ":")
	lower(parts[0]) in root_names
	msg := sprintf("Service %q runs as root (user: %v)", [name, svc.user])
}
