package shiplint.compose.no_pids_limit_test

import data.shiplint.compose.no_pids_limit

test_fires if {
	no_pids_limit.deny == {
		{"msg": "Service \"a\" has no process (PIDs) limit", "path": ["services", "a", "pids_limit"]},
		{"msg": "Service \"b\" has no process (PIDs) limit", "path": ["services", "b", "pids_limit"]},
	} with input as {"services": {
		"a": {"image": "x"}, "b": {"image": "x", "pids_limit": -1},
		"c": {"image": "x", "pids_limit": 100}, "d": {"image": "x", "deploy": {"resources": {"limits": {"pids": 50}}}},
		"fragment": {"ports": []},
	}}
}
