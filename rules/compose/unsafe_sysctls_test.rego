package shiplint.compose.unsafe_sysctls_test

import data.shiplint.compose.unsafe_sysctls

test_fires if {
	unsafe_sysctls.deny == {
		{"msg": "Service \"es\" sets sysctl vm.max_map_count, which is not namespaced: it changes the whole host", "path": ["services", "es", "sysctls", "vm.max_map_count"]},
		{"msg": "Service \"lb\" sets sysctl net.ipv4.ip_forward, which changes the host's network stack (network_mode: host)", "path": ["services", "lb", "sysctls", "net.ipv4.ip_forward"]},
		{"msg": "Service \"db\" sets sysctl kernel.shmmax, which changes the host's IPC settings (ipc: host)", "path": ["services", "db", "sysctls", "kernel.shmmax"]},
	} with input as {"services": {
		"es": {"sysctls": {"vm.max_map_count": "262144", "net.core.somaxconn": "1024"}},
		"lb": {"network_mode": "host", "sysctls": {"net.ipv4.ip_forward": "1"}},
		"db": {"ipc": "host", "sysctls": {"kernel.shmmax": "1"}},
	}}
}

test_namespaced_is_quiet if {
	count(unsafe_sysctls.deny) == 0 with input as {"services": {"a": {"sysctls": {
		"net.ipv4.ip_unprivileged_port_start": "0", "net/ipv6/conf/all/disable_ipv6": "1",
		"kernel.shm_rmid_forced": "1", "fs.mqueue.msg_max": "100", "kernel.sem": "250 32000 100 128",
	}}}}
}
