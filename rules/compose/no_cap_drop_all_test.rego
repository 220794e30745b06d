package shiplint.compose.no_cap_drop_all_test

import data.shiplint.compose.no_cap_drop_all

test_missing_fires if {
	{plain(f) | some f in no_cap_drop_all.deny} == {
		{"msg": "Service \"a\" does not drop all capabilities (cap_drop: [ALL])", "path": ["services", "a", "cap_drop"]},
		{"msg": "Service \"b\" does not drop all capabilities (cap_drop: [ALL])", "path": ["services", "b", "cap_drop"]},
	} with input as {"services": {"a": {"image": "x"}, "b": {"build": ".", "cap_drop": ["NET_RAW"]}, "c": {"image": "x", "cap_drop": ["ALL"]}}}
}

test_privileged_left_to_dc001 if {
	count(no_cap_drop_all.deny) == 0 with input as {"services": {"a": {"image": "x", "privileged": true}}}
}

test_fragment_is_quiet if {
	count(no_cap_drop_all.deny) == 0 with input as {"services": {"a": {"ports": [{"target": "80"}]}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in no_cap_drop_all.deny} == {
		{"description": "Add ALL to cap_drop", "ops": [{"path": ["services", "a", "cap_drop"], "add": "ALL"}]},
		{"description": "Add ALL to cap_drop", "ops": [{"path": ["services", "b", "cap_drop"], "add": "ALL"}]},
	} with input as {"services": {"a": {"image": "x"}, "b": {"build": ".", "cap_drop": ["NET_RAW"]}}}
}
