package shiplint.compose.root_user_test

import data.shiplint.compose.root_user

test_forms_fire if {
	count(root_user.deny) == 5 with input as {"services": {
		"a": {"user": "root"}, "b": {"user": 0}, "c": {"user": "0:0"},
		"d": {"user": "root:root"}, "e": {"user": "root:1000"},
	}}
}

test_non_root_is_quiet if {
	count(root_user.deny) == 0 with input as {"services": {
		"a": {"user": "1000"}, "b": {"user": "app"}, "c": {"user": "1000:0"},
		"d": {"user": "${UID}:${GID}"}, "e": {"user": "rooter"}, "f": {}, "g": {"user": "10"},
	}}
}
