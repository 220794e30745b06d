package shiplint.compose.docker_api_port_test

import data.shiplint.compose.docker_api_port

test_fires if {
	docker_api_port.deny == {{"msg": "Service \"dind\" publishes the unauthenticated Docker Engine API (container port 2375)", "path": ["services", "dind", "ports", 0]}} with input as {"services": {"dind": {"ports": [{"target": "2375", "published": "2375", "host_ip": null}, {"target": "2376", "published": "2376", "host_ip": null}]}}}
}

test_loopback_is_quiet if {
	count(docker_api_port.deny) == 0 with input as {"services": {"dind": {"ports": [{"target": "2375", "published": "2375", "host_ip": "127.0.0.1"}]}}}
}
