package shiplint.compose.dangerous_capabilities_test

import data.shiplint.compose.dangerous_capabilities

test_sys_admin_fires if {
	dangerous_capabilities.deny == {{"msg": "Service \"vpn\" adds the SYS_ADMIN capability", "path": ["services", "vpn", "cap_add", 1]}} with input as {"services": {"vpn": {"cap_add": ["NET_BIND_SERVICE", "SYS_ADMIN"]}}}
}

test_default_set_is_quiet if {
	count(dangerous_capabilities.deny) == 0 with input as {"services": {"a": {"cap_add": ["NET_RAW", "CHOWN", "NET_BIND_SERVICE"]}, "b": {"cap_drop": ["SYS_ADMIN"]}}}
}

test_param_overrides if {
	count(dangerous_capabilities.deny) == 0 with input as {"services": {"vpn": {"cap_add": ["NET_ADMIN"]}}}
		with data.shiplint_config.params.DC005.capabilities as ["sys_admin"]
}
