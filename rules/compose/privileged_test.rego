package shiplint.compose.privileged_test

import data.shiplint.compose.privileged

test_privileged_fires if {
	{plain(f) | some f in privileged.deny} == {{"msg": "Service \"app\" runs privileged: it has full access to the host", "path": ["services", "app", "privileged"]}} with input as {"services": {"app": {"privileged": true}}}
}

test_not_privileged_is_quiet if {
	count(privileged.deny) == 0 with input as {"services": {"app": {"privileged": false}, "db": {}}}
}

test_string_true_is_quiet if {
	# The parser turns YAML booleans into booleans; a quoted "true" is a string compose rejects.
	count(privileged.deny) == 0 with input as {"services": {"app": {"privileged": "true"}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in privileged.deny} == {{"description": "Set privileged: false", "ops": [{"path": ["services", "app", "privileged"], "set": false}]}} with input as {"services": {"app": {"privileged": true}}}
}
