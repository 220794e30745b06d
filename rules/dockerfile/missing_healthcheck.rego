# METADATA
# title: No HEALTHCHECK in the final image
# description: >-
#   Without a HEALTHCHECK, Docker and Compose only know whether the process is alive, not whether
#   it serves: a hung or degraded service keeps receiving traffic and is never restarted. Low: an
#   availability concern, and orchestrators such as Kubernetes ignore HEALTHCHECK in favour of
#   their own probes. Only images that serve on a port (an EXPOSE in the final image) are
#   reported: command-line tools, interpreters and base images have nothing to probe.
#   `HEALTHCHECK NONE` is an explicit choice and counts.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#healthcheck
# custom:
#   id: DF037
#   severity: low
#   frameworks: {cis-docker: "4.6"}
#   remediation: >-
#     Add a HEALTHCHECK that tests the service, e.g.
#     `HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:8080/healthz || exit 1`,
#     or `HEALTHCHECK NONE` when the platform probes the container itself.
#   aliases: [DS026, AVD-DS-0026, CKV_DOCKER_2]
package shiplint.dockerfile.missing_healthcheck

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

serves if {
	some [s, _, _] in df.instructions_named({"expose"})
	df.in_chain(s)
}

has_healthcheck if {
	some [s, _, _] in df.instructions_named({"healthcheck"})
	df.in_chain(s)
}

deny contains lib.finding(msg, ["stages", df.final_index, "from"]) if {
	serves
	not has_healthcheck
	msg := "The final image has no HEALTHCHECK: add one (or HEALTHCHECK NONE if the platform probes it)"
}
