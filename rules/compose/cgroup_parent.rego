# METADATA
# title: Service sets a custom cgroup parent
# description: >-
#   `cgroup_parent` places the container under a cgroup the daemon does not manage, where the
#   resource limits and accounting Docker sets for containers may not apply, and where it
#   shares limits with whatever else runs there (possibly host services). Low, because it
#   weakens resource isolation rather than security boundaries.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#cgroup_parent
# - https://docs.docker.com/reference/cli/docker/container/run/#cgroup-parent
# custom:
#   id: DC028
#   severity: low
#   remediation: >-
#     Remove `cgroup_parent` and use the service's own limits (`mem_limit`, `cpus`,
#     `pids_limit`), unless the host's cgroup layout was designed for it.
#   frameworks: {cis-docker: "5.24"}
#   aliases: [4d9f44c6-2f4a-4317-9bb5-267adbea0232]
package shiplint.compose.cgroup_parent

import data.shiplint.lib

deny contains lib.finding(msg, ["services", name, "cgroup_parent"]) if {
	some name, svc in input.services
	is_string(svc.cgroup_parent)
	trim_space(svc.cgroup_parent) != ""
	msg := sprintf("Service %q runs under the custom cgroup parent %q", [name, svc.cgroup_parent])
}
