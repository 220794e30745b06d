package shiplint.compose.healthcheck_disabled_test

import data.shiplint.compose.healthcheck_disabled

test_fires if {
	{plain(f) | some f in healthcheck_disabled.deny} == {
		{"msg": "Service \"a\" disables its health check (disable: true)", "path": ["services", "a", "healthcheck", "disable"]},
		{"msg": "Service \"b\" disables its health check (test: NONE)", "path": ["services", "b", "healthcheck", "test"]},
	} with input as {"services": {"a": {"healthcheck": {"disable": true}}, "b": {"healthcheck": {"test": ["NONE"]}}, "c": {"healthcheck": {"test": ["CMD", "true"]}}, "d": {}, "e": {"healthcheck": {"disable": false}}}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

# disable: true gets a fix; test: NONE is left to a human (it needs a real test).
test_fix if {
	{[f.path, object.get(f, "fix", null)] | some f in healthcheck_disabled.deny} == {
		[["services", "a", "healthcheck", "disable"], {"description": "Set healthcheck disable: false", "ops": [{"path": ["services", "a", "healthcheck", "disable"], "set": false}]}],
		[["services", "b", "healthcheck", "test"], null],
	} with input as {"services": {"a": {"healthcheck": {"disable": true}}, "b": {"healthcheck": {"test": ["NONE"]}}}}
}
