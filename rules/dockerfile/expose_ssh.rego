# METADATA
# title: SSH port 22 exposed
# description: >-
#   `EXPOSE 22` means the image is built to run an SSH server. An SSH daemon in a container is
#   another network service with credentials or keys to steal and patch, and it bypasses the
#   runtime's own access controls (`docker exec`, `kubectl exec`, audit logs). Medium. Only stages
#   that make up the final image are checked; a port range that includes 22 counts.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#expose
# - https://www.docker.com/blog/containers-are-not-vms/
# custom:
#   id: DF034
#   severity: medium
#   remediation: >-
#     Remove `EXPOSE 22` and the SSH server; use `docker exec`/`kubectl exec` (or an ephemeral
#     debug container) to get a shell.
#   aliases: [DS004, AVD-DS-0004, CKV_DOCKER_1]
package shiplint.dockerfile.expose_ssh

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"expose"})
	df.in_chain(s)
	some a in ins.args
	p := df.port_spec(a)
	p.proto == "tcp"
	p.from <= 22
	p.to >= 22
	msg := sprintf("EXPOSE %s publishes the SSH port 22: do not run an SSH server in the container", [a])
}
