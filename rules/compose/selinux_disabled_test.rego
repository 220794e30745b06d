package shiplint.compose.selinux_disabled_test

import data.shiplint.compose.selinux_disabled

test_both_forms_fire if {
	selinux_disabled.deny == {
		{"msg": "Service \"a\" turns off SELinux labeling (label:disable)", "path": ["services", "a", "security_opt", 1]},
		{"msg": "Service \"b\" turns off SELinux labeling (label:disable)", "path": ["services", "b", "security_opt", 0]},
	} with input as {"services": {"a": {"security_opt": ["no-new-privileges:true", "label:disable"]}, "b": {"security_opt": ["label=disable"]}}}
}

test_other_options_are_quiet if {
	count(selinux_disabled.deny) == 0 with input as {"services": {"a": {"security_opt": ["label:/etc/profile.json", "no-new-privileges"]}, "b": {}}}
}
