package shiplint.compose.host_userns_test

import data.shiplint.compose.host_userns

test_host_fires if {
	host_userns.deny == {{"msg": "Service \"app\" shares the host's user namespace (userns_mode: host)", "path": ["services", "app", "userns_mode"]}} with input as {"services": {"app": {"userns_mode": "host"}}}
}

test_other_values_are_quiet if {
	count(host_userns.deny) == 0 with input as {"services": {"a": {"userns_mode": "service:b"}, "b": {"userns_mode": "private"}, "c": {}, "d": {"environment": {"userns_mode": "host"}}}}
}
