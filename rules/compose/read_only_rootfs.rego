# METADATA
# title: Service root filesystem is writable
# description: >-
#   Without `read_only: true` a compromised process can modify the container's own binaries
#   and libraries, drop tools, or persist changes for as long as the container lives. A
#   read-only root filesystem, with tmpfs or volumes where the service writes, removes that.
#   Low, because it limits what an attacker does after getting in, not getting in.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#read_only
# - https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-8-set-filesystem-and-volumes-to-read-only
# custom:
#   id: DC018
#   severity: low
#   remediation: >-
#     Add `read_only: true` and give the service the writable paths it needs with `tmpfs:`
#     (for example `/tmp`, `/run`) or volumes.
#   frameworks: {cis-docker: "5.12"}
package shiplint.compose.read_only_rootfs

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, ["services", name, "read_only"]) if {
	some name, svc in input.services
	compose.runnable(svc)
	not svc.read_only == true
	not unresolved(svc)
	msg := sprintf("Service %q does not set read_only: true: its root filesystem is writable", [name])
}

# An unresolved ${VAR} may well be true: not guessed.
unresolved(svc) if is_string(svc.read_only)
