# METADATA
# title: Remote login port published on all interfaces
# description: >-
#   A container port of a remote login service (SSH, Telnet, RDP, VNC, WinRM) published without
#   a host address listens on every interface of the host, and Docker's iptables rules bypass
#   host firewalls such as ufw. Such ports are scanned and brute-forced constantly, and the
#   servers in images often keep default credentials (VNC's `secret`, `root:root`) or none.
#   A shell in the container is then one password away. Medium, because exposure depends on
#   the host's network. Git hosting images (Gitea, GitLab, Gogs, Forgejo) serve git over SSH
#   on port 22 by design and are not reported for it.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#ports
# - https://docs.docker.com/engine/network/packet-filtering-firewalls/#docker-and-ufw
# - https://docs.kubelinter.io/#/generated/checks?id=ssh-port
# custom:
#   id: DC037
#   severity: medium
#   remediation: >-
#     Bind the port to the loopback interface (`"127.0.0.1:2222:22"`) and reach it through an
#     SSH tunnel or VPN, or remove it and use `docker compose exec` for a shell. Teams can change
#     the port list with the `ports` parameter.
package shiplint.compose.remote_login_port_public

import data.shiplint.lib
import data.shiplint.lib.compose

# Container ports of remote login services. The container side is compared:
# the server listens on its standard port inside, whatever host port it is
# published on.
default_ports := {
	"22": "SSH", "23": "Telnet", "3389": "RDP", "5900": "VNC", "5901": "VNC",
	"5985": "WinRM (HTTP)", "5986": "WinRM (HTTPS)",
}

ports := lib.param("DC037", "ports", default_ports)

# Images that serve git over SSH on port 22 (a login that only runs git).
git_hosts := {"gitea", "gitlab", "gogs", "forgejo", "gitolite", "onedev"}

# Port 2222 is SSH only in images that run an SSH server on it
# (linuxserver/openssh-server).
ambiguous_ports := {"2222": ["ssh", "SSH"]}

known(svc, port) := what if {
	what := ports[port]
	not git_ssh(svc, port)
}

known(svc, port) := what if {
	not ports[port]
	[image_word, what] := ambiguous_ports[port]
	contains(lower(image(svc)), image_word)
}

git_ssh(svc, "22") if {
	some word in git_hosts
	contains(lower(image(svc)), word)
}

image(svc) := svc.image if is_string(svc.image)

else := ""

candidates := {p | some p, _ in ports} | {p | some p, _ in ambiguous_ports}

deny contains lib.finding(msg, ["services", name, "ports", i]) if {
	some name, svc in input.services
	some i, p in svc.ports
	compose.all_interfaces(p)
	[lo, hi] := compose.port_range(p.target)
	found := sort([sprintf("%s (container port %s)", [what, port]) |
		some port in candidates
		to_number(port) >= lo
		to_number(port) <= hi
		what := known(svc, port)
	])
	count(found) > 0
	msg := sprintf("Service %q publishes %s on all host interfaces", [name, concat(", ", found)])
}
