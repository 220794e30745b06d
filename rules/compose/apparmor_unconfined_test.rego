package shiplint.compose.apparmor_unconfined_test

import data.shiplint.compose.apparmor_unconfined

test_both_forms_fire if {
	apparmor_unconfined.deny == {
		{"msg": "Service \"a\" runs without an AppArmor profile (apparmor:unconfined)", "path": ["services", "a", "security_opt", 1]},
		{"msg": "Service \"b\" runs without an AppArmor profile (apparmor:unconfined)", "path": ["services", "b", "security_opt", 0]},
	} with input as {"services": {"a": {"security_opt": ["no-new-privileges:true", "apparmor:unconfined"]}, "b": {"security_opt": ["apparmor=unconfined"]}}}
}

test_other_options_are_quiet if {
	count(apparmor_unconfined.deny) == 0 with input as {"services": {"a": {"security_opt": ["apparmor:/etc/profile.json", "no-new-privileges"]}, "b": {}}}
}
