# METADATA
# title: Service uses the host network
# description: >-
#   `network_mode: host` puts the service in the host's network namespace: it can bind any
#   host port, reach services listening on localhost of the host (cloud metadata endpoints,
#   admin interfaces, other containers' published ports) and sniff host traffic with
#   NET_RAW. High, because network isolation is gone.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#network_mode
# - https://docs.docker.com/engine/network/drivers/host/
# custom:
#   id: DC003
#   severity: high
#   remediation: >-
#     Remove `network_mode: host`; publish the ports the service needs with `ports:` (bound to
#     127.0.0.1 when only the host should reach them) and attach it to a user-defined network.
#   frameworks: {cis-docker: "5.9"}
#   aliases: [071a71ff-f868-47a4-ac0b-3c59e4ab5443]
package shiplint.compose.host_network

import data.shiplint.lib

deny contains lib.finding(msg, ["services", name, "network_mode"]) if {
	some name, svc in input.services
	svc.network_mode == "host"
	msg := sprintf("Service %q shares the host's network namespace (%s: host)", [name, key(name)])
}

# key is the key as written: the legacy format's net: (read as network_mode).
key(name) := "net" if {
	not "services" in object.keys(object.get(input, "raw", {}))
	object.get(input, ["raw", name, "net"], null) == "host"
} else := "network_mode"
