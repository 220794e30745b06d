package shiplint.compose.healthcheck_disabled_test

import data.shiplint.compose.healthcheck_disabled

test_fires if {
	healthcheck_disabled.deny == {
		{"msg": "Service \"a\" disables its health check (disable: true)", "path": ["services", "a", "healthcheck", "disable"]},
		{"msg": "Service \"b\" disables its health check (test: NONE)", "path": ["services", "b", "healthcheck", "test"]},
	} with input as {"services": {"a": {"healthcheck": {"disable": true}}, "b": {"healthcheck": {"test": ["NONE"]}}, "c": {"healthcheck": {"test": ["CMD", "true"]}}, "d": {}, "e": {"healthcheck": {"disable": false}}}}
}
