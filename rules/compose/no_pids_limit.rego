# METADATA
# title: Service has no process limit
# description: >-
#   Without a PIDs limit a fork bomb or a runaway worker pool in one container can exhaust the
#   host's process table, so nothing on the host can start a process. Low, because it is a
#   denial-of-service risk, not an exposure.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#pids_limit
# - https://docs.docker.com/reference/compose-file/deploy/#resources
# custom:
#   id: DC027
#   severity: low
#   remediation: >-
#     Set `pids_limit: 200` (or `deploy.resources.limits.pids: 200`) to a little above what
#     the service runs at peak.
#   frameworks: {cis-docker: "5.28"}
#   aliases: [221e0658-cb2a-44e3-b08a-db96a341d6fa]
package shiplint.compose.no_pids_limit

import data.shiplint.lib
import data.shiplint.lib.compose

unlimited := {0, -1, "0", "-1", "", null}

limited(svc) if {
	v := svc.pids_limit
	not v in unlimited
}

limited(svc) if {
	v := svc.deploy.resources.limits.pids
	not v in unlimited
}

deny contains lib.finding(msg, ["services", name, "pids_limit"]) if {
	some name, svc in input.services
	compose.runnable(svc)
	not limited(svc)
	msg := sprintf("Service %q has no process (PIDs) limit", [name])
}
