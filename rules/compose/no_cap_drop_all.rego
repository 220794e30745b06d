# METADATA
# title: Service keeps Docker's default capabilities
# description: >-
#   Without `cap_drop: [ALL]` the container keeps Docker's default capabilities (CHOWN,
#   DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, MKNOD, ...), which root in the container can
#   use to spoof packets, create device nodes or bypass file permissions. Most services need
#   none of them. Low, because the default set alone is not an escape.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#cap_drop
# - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
# - https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-3-limit-capabilities-grant-only-specific-capabilities-needed-by-a-container
# custom:
#   id: DC006
#   severity: low
#   remediation: >-
#     Add `cap_drop: [ALL]` and list in `cap_add` only what the service needs (for example
#     `NET_BIND_SERVICE` to bind a port below 1024 as non-root).
#   frameworks: {cis-docker: "5.3"}
#   aliases: [ce76b7d0-9e77-464d-b86f-c5c48e03e22d]
package shiplint.compose.no_cap_drop_all

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding_fix(msg, path, lib.fix_add("Add ALL to cap_drop", path, "ALL")) if {
	some name, svc in input.services
	path := ["services", name, "cap_drop"]
	compose.runnable(svc)
	not "ALL" in object.get(svc, "cap_drop", [])
	not svc.privileged == true
	msg := sprintf("Service %q does not drop all capabilities (cap_drop: [ALL])", [name])
}
