# METADATA
# title: Container runtime socket mounted
# description: >-
#   Mounting the Docker (or containerd, CRI-O, Podman) socket gives the service the runtime's
#   API: it can start a privileged container with the host's root filesystem mounted, which
#   is root on the host. Read-only mounts do not help, since the API is reached by connecting,
#   not writing. Critical.
# related_resources:
# - https://docs.docker.com/engine/security/#docker-daemon-attack-surface
# - https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-1-do-not-expose-the-docker-daemon-socket-even-to-the-containers
# custom:
#   id: DC002
#   severity: critical
#   remediation: >-
#     Do not mount the runtime socket. If a tool must talk to Docker, put a filtering proxy
#     (e.g. a socket proxy that allows only the read-only endpoints it needs) in front of it,
#     or use the runtime's rootless mode.
#   frameworks: {cis-docker: "5.31"}
#   aliases: [d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b]
package shiplint.compose.runtime_socket

import data.shiplint.lib

sockets := {
	"/var/run/docker.sock", "/run/docker.sock",
	"/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
	"/var/run/crio/crio.sock", "/run/crio/crio.sock",
	"/var/run/podman/podman.sock", "/run/podman/podman.sock",
	"/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock",
}

# clean normalizes "//var/run/docker.sock/" to "/var/run/docker.sock".
clean(p) := concat("/", ["", concat("/", [x | some x in split(p, "/"); x != ""])])

deny contains lib.finding(msg, ["services", name, "volumes", i]) if {
	some name, svc in input.services
	some i, v in svc.volumes
	v.type == "bind"
	is_string(v.source)
	clean(v.source) in sockets
	msg := sprintf("Service %q mounts the container runtime socket %s: it can take over the host", [name, v.source])
}
