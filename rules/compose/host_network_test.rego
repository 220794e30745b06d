package shiplint.compose.host_network_test

import data.shiplint.compose.host_network

test_host_fires if {
	host_network.deny == {{"msg": "Service \"web\" shares the host's network namespace (network_mode: host)", "path": ["services", "web", "network_mode"]}} with input as {"services": {"web": {"network_mode": "host"}}}
}

test_bridge_and_service_are_quiet if {
	count(host_network.deny) == 0 with input as {"services": {"a": {"network_mode": "bridge"}, "b": {"network_mode": "service:a"}, "c": {}}}
}

test_legacy_net_named_as_written if {
	host_network.deny == {{"msg": "Service \"vpn\" shares the host's network namespace (net: host)", "path": ["services", "vpn", "network_mode"]}} with input as {
		"raw": {"vpn": {"build": ".", "net": "host"}},
		"services": {"vpn": {"build": {"context": "."}, "network_mode": "host"}},
	}
}
