package shiplint.compose.cap_add_all_test

import data.shiplint.compose.cap_add_all

test_all_fires if {
	cap_add_all.deny == {{"msg": "Service \"web\" adds every Linux capability (cap_add: ALL)", "path": ["services", "web", "cap_add", 1]}} with input as {"services": {"web": {"cap_add": ["NET_ADMIN", "ALL"]}}}
}

test_drop_all_is_quiet if {
	count(cap_add_all.deny) == 0 with input as {"services": {"web": {"cap_drop": ["ALL"], "cap_add": ["CHOWN"]}}}
}
