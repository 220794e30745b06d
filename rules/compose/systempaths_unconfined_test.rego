package shiplint.compose.systempaths_unconfined_test

import data.shiplint.compose.systempaths_unconfined

test_both_forms_fire if {
	systempaths_unconfined.deny == {
		{"msg": "Service \"a\" unmasks /proc and /sys kernel paths (systempaths=unconfined)", "path": ["services", "a", "security_opt", 1]},
		{"msg": "Service \"b\" unmasks /proc and /sys kernel paths (systempaths=unconfined)", "path": ["services", "b", "security_opt", 0]},
	} with input as {"services": {"a": {"security_opt": ["no-new-privileges:true", "systempaths:unconfined"]}, "b": {"security_opt": ["systempaths=unconfined"]}}}
}

test_other_options_are_quiet if {
	count(systempaths_unconfined.deny) == 0 with input as {"services": {"a": {"security_opt": ["systempaths:/etc/profile.json", "no-new-privileges"]}, "b": {}}}
}
