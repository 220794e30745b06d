# METADATA
# title: Sensitive host path mounted read-only
# description: >-
#   A read-only bind mount of a host system directory (`/`, `/etc`, `/proc`, `/sys`, `/root`,
#   `/var/lib/docker`, ...) still lets the container read the host's secrets: password hashes
#   in /etc/shadow, SSH and kubelet keys, other containers' files and environment. Medium,
#   because it discloses data but cannot change the host (read-write mounts are DC011).
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#volumes
# - https://docs.docker.com/engine/storage/bind-mounts/
# custom:
#   id: DC012
#   severity: medium
#   remediation: >-
#     Mount only the file the service needs (for example `/etc/localtime:/etc/localtime:ro`)
#     instead of the whole directory. Monitoring agents that need /proc or /sys should mount
#     them under a separate path (`/proc:/host/proc:ro`) and be reviewed and suppressed.
#   frameworks: {cis-docker: "5.5"}
#   aliases: [1c1325ff-831d-43a1-973e-839ae57dfcc0]
package shiplint.compose.sensitive_mount_ro

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, ["services", name, "volumes", i]) if {
	some name, svc in input.services
	some i, v in svc.volumes
	v.read_only == true
	src := compose.bind_source(v)
	compose.sensitive_path(src)
	msg := sprintf("Service %q mounts the host's %s (read-only)", [name, src])
}
