# METADATA
# title: Service shares the host's cgroup namespace
# description: >-
#   `cgroup: host` runs the container in the host's cgroup namespace: it sees the host's
#   cgroup hierarchy and paths, which cgroup-based escapes (release_agent, device rules) rely
#   on. Medium, because it weakens isolation without being an escape on its own.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#cgroup
# - https://docs.docker.com/engine/containers/run/#runtime-constraints-on-resources
# custom:
#   id: DC030
#   severity: medium
#   remediation: >-
#     Remove `cgroup: host` (the default on cgroup v2 is `private`).
package shiplint.compose.host_cgroup

import data.shiplint.lib

deny contains lib.finding_fix(msg, ["services", name, "cgroup"], lib.fix_set("Set cgroup: private", ["services", name, "cgroup"], "private")) if {
	some name, svc in input.services
	svc.cgroup == "host"
	msg := sprintf("Service %q shares the host's cgroup namespace (cgroup: host)", [name])
}
