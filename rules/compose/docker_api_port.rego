# METADATA
# title: Docker Engine API published without TLS
# description: >-
#   Port 2375 is the Docker Engine API without TLS or authentication. Publishing it (usually
#   from a docker:dind service started with DOCKER_TLS_CERTDIR="") lets anyone who reaches the
#   port start privileged containers on that engine, which is root on its host. Critical,
#   because it is unauthenticated remote root.
# related_resources:
# - https://docs.docker.com/engine/security/protect-access/
# - https://docs.docker.com/reference/cli/dockerd/#daemon-socket-option
# custom:
#   id: DC022
#   severity: critical
#   remediation: >-
#     Do not publish 2375. Let the services that need the engine reach it over the Compose
#     network, or use the TLS port 2376 with client certificates (the docker:dind default
#     when DOCKER_TLS_CERTDIR is set).
package shiplint.compose.docker_api_port

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, ["services", name, "ports", i]) if {
	some name, svc in input.services
	some i, p in svc.ports
	[lo, hi] := compose.port_range(p.target)
	lo <= 2375
	hi >= 2375
	not loopback(p.host_ip)
	msg := sprintf("Service %q publishes the unauthenticated Docker Engine API (container port 2375)", [name])
}

loopback(ip) if ip in {"127.0.0.1", "::1", "localhost"}
