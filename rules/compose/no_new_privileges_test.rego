package shiplint.compose.no_new_privileges_test

import data.shiplint.compose.no_new_privileges

test_missing_and_false_fire if {
	{plain(f) | some f in no_new_privileges.deny} == {
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

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

# Only a missing setting gets a fix; an explicit no-new-privileges:false is a choice a human reverses.
test_fix if {
	{[f.path, object.get(f, "fix", null)] | some f in no_new_privileges.deny} == {
		[["services", "a", "security_opt"], {"description": "Add no-new-privileges:true to security_opt", "ops": [{"path": ["services", "a", "security_opt"], "add": "no-new-privileges:true"}]}],
		[["services", "b", "security_opt", 1], null],
	} with input as {"services": {"a": {"image": "x", "security_opt": ["label:disable"]}, "b": {"image": "x", "security_opt": ["label:disable", "no-new-privileges=false"]}}}
}
