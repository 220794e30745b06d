package shiplint.kubernetes.unsafe_sysctls_test

import data.shiplint.kubernetes.unsafe_sysctls

doc(pod) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": []}

sysctls(names) := doc({"securityContext": {"sysctls": [{"name": n, "value": "1"} | some n in names]}})

test_fires if {
	unsafe_sysctls.deny == {{"msg": "Pod \"p\" sets sysctl net.core.somaxconn, which is outside the safe set", "path": ["podSpec", "securityContext", "sysctls", 1, "name"]}} with input as doc({"securityContext": {"sysctls": [{"name": "net.ipv4.tcp_syncookies", "value": "1"}, {"name": "net.core.somaxconn", "value": "1024"}]}})
}

# The safe set as of policy version v1.37, each added version included.
test_safe_set_v1_37 if {
	count(unsafe_sysctls.deny) == 0 with input as sysctls([
		"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
		"net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
		"net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
		"net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
		"net.ipv4.tcp_wmem", "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat",
	])
}

# Close neighbours of safe names are not safe.
test_neighbours_fire if {
	count(unsafe_sysctls.deny) == 4 with input as sysctls(["net.ipv4.tcp_mem", "net.core.rmem_max", "net.ipv4.tcp_keepalive", "net.ipv6.ip_local_port_range"])
}

# Pod Security compares names exactly: the slash form of a safe sysctl is
# rejected, with a message that names the form it accepts.
test_slash_form_fires if {
	unsafe_sysctls.deny == {
		{"msg": "Pod \"p\" sets sysctl net/ipv4/ip_local_port_range, which Pod Security accepts only as net.ipv4.ip_local_port_range", "path": ["podSpec", "securityContext", "sysctls", 0, "name"]},
		{"msg": "Pod \"p\" sets sysctl kernel/msgmax, which is outside the safe set", "path": ["podSpec", "securityContext", "sysctls", 1, "name"]},
	} with input as sysctls(["net/ipv4/ip_local_port_range", "kernel/msgmax"])
}
