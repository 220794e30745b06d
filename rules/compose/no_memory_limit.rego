# METADATA
# title: Service has no memory limit
# description: >-
#   Without a memory limit one service (a leak, a large query, an attacker's request) can use
#   all the host's memory, making the kernel's OOM killer stop other containers or host
#   processes. Low, because it is a denial-of-service risk for the host, not an exposure.
# related_resources:
# - https://docs.docker.com/reference/compose-file/deploy/#resources
# - https://docs.docker.com/reference/compose-file/services/#mem_limit
# - https://docs.docker.com/engine/containers/resource_constraints/#memory
# custom:
#   id: DC026
#   severity: low
#   remediation: >-
#     Set `mem_limit: 512m` or `deploy.resources.limits.memory: 512M` to what the service needs
#     with headroom.
#   frameworks: {cis-docker: "5.10"}
#   aliases: [bb9ac4f7-e13b-423d-a010-c74a1bfbe492]
package shiplint.compose.no_memory_limit

import data.shiplint.lib
import data.shiplint.lib.compose

unlimited := {0, -1, "0", "-1", "", null}

limited(svc) if {
	v := svc.mem_limit
	not v in unlimited
}

limited(svc) if {
	v := svc.deploy.resources.limits.memory
	not v in unlimited
}

deny contains lib.finding(msg, ["services", name, "mem_limit"]) if {
	some name, svc in input.services
	compose.runnable(svc)
	not limited(svc)
	msg := sprintf("Service %q has no memory limit", [name])
}
