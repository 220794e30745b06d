package shiplint.compose.seccomp_unconfined_test

import data.shiplint.compose.seccomp_unconfined

test_both_forms_fire if {
	seccomp_unconfined.deny == {
		{"msg": "Service \"a\" runs without a seccomp profile (seccomp:unconfined)", "path": ["services", "a", "security_opt", 1]},
		{"msg": "Service \"b\" runs without a seccomp profile (seccomp:unconfined)", "path": ["services", "b", "security_opt", 0]},
	} with input as {"services": {"a": {"security_opt": ["no-new-privileges:true", "seccomp:unconfined"]}, "b": {"security_opt": ["seccomp=unconfined"]}}}
}

test_other_options_are_quiet if {
	count(seccomp_unconfined.deny) == 0 with input as {"services": {"a": {"security_opt": ["seccomp:/etc/profile.json", "no-new-privileges"]}, "b": {}}}
}
