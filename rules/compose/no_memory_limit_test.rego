package shiplint.compose.no_memory_limit_test

import data.shiplint.compose.no_memory_limit

test_fires if {
	no_memory_limit.deny == {
		{"msg": "Service \"a\" has no memory limit", "path": ["services", "a", "mem_limit"]},
		{"msg": "Service \"b\" has no memory limit", "path": ["services", "b", "mem_limit"]},
	} with input as {"services": {
		"a": {"image": "x"}, "b": {"image": "x", "mem_limit": 0},
		"c": {"image": "x", "mem_limit": "512m"}, "d": {"image": "x", "deploy": {"resources": {"limits": {"memory": "1G"}}}},
		"e": {"image": "x", "mem_limit": "${MEM}"}, "f": {"image": "x", "mem_limit": 536870912},
		"fragment": {"environment": {"A": "1"}},
	}}
}
