# METADATA
# title: Sensitive host path mounted read-write
# description: >-
#   A bind mount of a host system directory (`/`, `/etc`, `/proc`, `/sys`, `/dev`, `/boot`,
#   `/root`, `/var/run`, `/var/lib/docker`, ...) with write access lets the container change
#   the host: add a user or cron job, replace binaries, write kernel settings under /proc/sys,
#   or reach the runtime socket inside /var/run. High, because writing there is root on the host.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#volumes
# - https://docs.docker.com/engine/storage/bind-mounts/
# - https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html
# custom:
#   id: DC011
#   severity: high
#   remediation: >-
#     Mount only the file or application directory the service needs, read-only (`:ro` or
#     `read_only: true`), or copy the data into a named volume.
#   frameworks: {cis-docker: "5.5"}
#   aliases: [1c1325ff-831d-43a1-973e-839ae57dfcc0]
package shiplint.compose.sensitive_mount_rw

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, ["services", name, "volumes", i]) if {
	some name, svc in input.services
	some i, v in svc.volumes
	not v.read_only == true
	src := compose.bind_source(v)
	sensitive(src)
	msg := sprintf("Service %q mounts the host's %s read-write", [name, src])
}

sensitive(src) if compose.sensitive_path(src)

sensitive(src) if src in compose.sensitive_write_files
