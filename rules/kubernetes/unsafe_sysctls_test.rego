package shiplint.kubernetes.unsafe_sysctls_test

import data.shiplint.kubernetes.unsafe_sysctls

doc(pod) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": []}

test_fires if {
	unsafe_sysctls.deny == {{"msg": "Pod \"p\" sets sysctl net.core.somaxconn, which is outside the safe set", "path": ["podSpec", "securityContext", "sysctls", 1, "name"]}} with input as doc({"securityContext": {"sysctls": [{"name": "net.ipv4.tcp_syncookies", "value": "1"}, {"name": "net.core.somaxconn", "value": "1024"}]}})
}

test_slash_form_safe if {
	count(unsafe_sysctls.deny) == 0 with input as doc({"securityContext": {"sysctls": [{"name": "net/ipv4/ip_local_port_range", "value": "1024 65535"}]}})
}
