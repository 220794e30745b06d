package shiplint.compose.no_new_privileges_test

import data.shiplint.compose.no_new_privileges

test_missing_and_false_fire if {
	no_new_privileges.deny == {
		{"msg": "Service \"a\" does not set no-new-privileges: setuid binaries can raise privileges", "path": ["services", "a", "security_opt"]},
		{"msg": "Service \"b\" turns no-new-privileges off: setuid binaries can raise privileges", "path": ["services", "b", "security_opt", 1]},
	} with input as {"services": {"a": {"image": "x", "security_opt": ["label:disable"]}, "b": {"image": "x", "security_opt": ["label:disable", "no-new-privileges=false"]}, "fragment": {}}}
}

test_all_forms_are_quiet if {
	count(no_new_privileges.deny) == 0 with input as {"services": {
		"a": {"security_opt": ["no-new-privileges:true"]},
		"b": {"security_opt": ["no-new-privileges=true"]},
		"c": {"security_opt": ["no-new-privileges"]},
		"d": {"security_opt": ["No-New-Privileges: TRUE"]},
		"e": {"privileged": true},
	}}
}
