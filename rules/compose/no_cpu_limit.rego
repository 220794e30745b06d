# METADATA
# title: Service has no CPU limit
# description: >-
#   Without a CPU limit a container may take every core of the host: a busy loop, a crypto
#   miner planted through a vulnerability or a flood of requests starves the other containers
#   and the host's own processes (sshd, the Docker daemon), so the box stops answering.
#   `cpu_shares` only weighs services against each other when the host is busy and `cpuset`
#   only chooses the cores, so neither is a limit; `cpus`, `cpu_quota` or
#   `deploy.resources.limits.cpus` are. Low, because it is a denial-of-service risk for the
#   host, not an exposure.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#cpus
# - https://docs.docker.com/reference/compose-file/deploy/#resources
# - https://docs.docker.com/engine/containers/resource_constraints/#cpu
# - https://docs.kics.io/latest/queries/dockercompose-queries/6b610c50-99fb-4ef0-a5f3-e312fd945bc3/
# custom:
#   id: DC035
#   severity: low
#   remediation: >-
#     Set `cpus: "1.5"` (or `deploy.resources.limits.cpus: "1.5"`) to what the service needs
#     with headroom; 0 means no limit.
#   aliases: [6b610c50-99fb-4ef0-a5f3-e312fd945bc3]
package shiplint.compose.no_cpu_limit

import data.shiplint.lib
import data.shiplint.lib.compose

# Settings that cap a service's CPU time: cpus and deploy.resources.limits.cpus
# (0 is no limit), cpu_quota (-1 and 0 are none; per cpu_period, 100ms by
# default), cpu_count and cpu_percent (Windows).
limit_paths := [["cpus"], ["deploy", "resources", "limits", "cpus"], ["cpu_quota"], ["cpu_count"], ["cpu_percent"]]

# unlimited holds for a value that sets no limit: 0, -1, "0.0", "", null. A
# value still holding ${VAR} is given the benefit of the doubt.
unlimited(v) if v == null

unlimited(v) if {
	is_number(v)
	v <= 0
}

unlimited(v) if {
	is_string(v)
	regex.match(`^\s*(-1|[-+]?0*\.?0*)\s*$`, v)
}

limited(svc) if {
	some p in limit_paths
	v := object.get(svc, p, null)
	not unlimited(v)
}

# where points at the first setting written with a value that is no limit,
# or else at the service.
where(name, svc) := array.concat(["services", name], p) if {
	some p in limit_paths
	object.get(svc, p, null) != null
} else := ["services", name, "cpus"]

deny contains lib.finding(msg, path) if {
	some name, svc in input.services
	compose.runnable(svc)
	not limited(svc)
	path := where(name, svc)
	msg := sprintf("Service %q has no CPU limit", [name])
}
