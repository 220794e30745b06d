package shiplint.compose.runtime_socket_test

import data.shiplint.compose.runtime_socket

vol(src) := {"type": "bind", "source": src, "target": "/var/run/docker.sock", "read_only": false}

test_docker_sock_fires if {
	runtime_socket.deny == {{"msg": "Service \"ci\" mounts the container runtime socket /var/run/docker.sock: it can take over the host", "path": ["services", "ci", "volumes", 1]}} with input as {"services": {"ci": {"volumes": [vol("./data"), vol("/var/run/docker.sock")]}}}
}

test_unclean_path_fires if {
	count(runtime_socket.deny) == 1 with input as {"services": {"ci": {"volumes": [vol("//run/containerd/containerd.sock/")]}}}
}

test_named_volume_is_quiet if {
	count(runtime_socket.deny) == 0 with input as {"services": {"ci": {"volumes": [{"type": "volume", "source": "docker.sock", "target": "/x"}]}}}
}

test_other_bind_is_quiet if {
	count(runtime_socket.deny) == 0 with input as {"services": {"ci": {"volumes": [vol("/var/run/docker.sock.bak")]}}}
}
