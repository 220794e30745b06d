package shiplint.compose.host_uts_test

import data.shiplint.compose.host_uts

test_host_fires if {
	host_uts.deny == {{"msg": "Service \"app\" shares the host's UTS namespace (uts: host)", "path": ["services", "app", "uts"]}} with input as {"services": {"app": {"uts": "host"}}}
}

test_other_values_are_quiet if {
	count(host_uts.deny) == 0 with input as {"services": {"a": {"uts": "service:b"}, "b": {"uts": "private"}, "c": {}, "d": {"environment": {"uts": "host"}}}}
}
