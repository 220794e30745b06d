package shiplint.compose.no_cpu_limit_test

import data.shiplint.compose.no_cpu_limit

test_fires if {
	no_cpu_limit.deny == {
		{"msg": "Service \"a\" has no CPU limit", "path": ["services", "a", "cpus"]},
		{"msg": "Service \"b\" has no CPU limit", "path": ["services", "b", "cpus"]},
		{"msg": "Service \"c\" has no CPU limit", "path": ["services", "c", "deploy", "resources", "limits", "cpus"]},
		{"msg": "Service \"d\" has no CPU limit", "path": ["services", "d", "cpu_quota"]},
		{"msg": "Service \"e\" has no CPU limit", "path": ["services", "e", "cpus"]},
	} with input as {"services": {
		"a": {"image": "x", "cpu_shares": 512, "cpuset": "0-3"},
		"b": {"image": "x", "cpus": "0.0"},
		"c": {"build": {"context": "."}, "deploy": {"resources": {"limits": {"cpus": "0"}, "reservations": {"cpus": "1"}}}},
		"d": {"image": "x", "cpu_quota": -1},
		"e": {"extends": "a", "cpus": 0},
		"fragment": {"environment": {"A": "1"}},
	}}
}

test_quiet if {
	count(no_cpu_limit.deny) == 0 with input as {"services": {
		"a": {"image": "x", "cpus": 1.5},
		"b": {"image": "x", "cpus": "0.25"},
		"c": {"image": "x", "deploy": {"resources": {"limits": {"cpus": "0.50", "memory": "50M"}}}},
		"d": {"image": "x", "cpu_quota": 50000, "cpu_period": 100000},
		"e": {"image": "x", "cpus": "${CPUS}"},
		"f": {"image": "x", "cpu_percent": 50},
		"g": {"image": "x", "cpus": 0, "deploy": {"resources": {"limits": {"cpus": 2}}}},
	}}
}
