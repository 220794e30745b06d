package shiplint.compose.oom_kill_disabled_test

import data.shiplint.compose.oom_kill_disabled

test_fires if {
	{plain(f) | some f in oom_kill_disabled.deny} == {
		{"msg": "Service \"a\" disables the OOM killer (oom_kill_disable: true) and has no memory limit: it can exhaust the host's memory", "path": ["services", "a", "oom_kill_disable"]},
		{"msg": "Service \"b\" disables the OOM killer (oom_kill_disable: true) and has no memory limit: it can exhaust the host's memory", "path": ["services", "b", "oom_kill_disable"]},
		{"msg": "Service \"c\" disables the OOM killer (oom_kill_disable: true) and has no memory limit: it can exhaust the host's memory", "path": ["services", "c", "oom_kill_disable"]},
	} with input as {"services": {
		"a": {"image": "x", "oom_kill_disable": true},
		"b": {"image": "x", "oom_kill_disable": "True", "mem_limit": 0},
		"c": {"image": "x", "oom_kill_disable": true, "deploy": {"resources": {"reservations": {"memory": "1G"}}}},
	}}
}

test_quiet if {
	count(oom_kill_disabled.deny) == 0 with input as {"services": {
		"a": {"image": "x", "oom_kill_disable": true, "mem_limit": "512m"},
		"b": {"image": "x", "oom_kill_disable": true, "deploy": {"resources": {"limits": {"memory": "1G"}}}},
		"c": {"image": "x", "oom_kill_disable": false},
		"d": {"image": "x", "oom_kill_disable": "${NO_OOM}"},
		"e": {"image": "x"},
	}}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in oom_kill_disabled.deny} == {{"description": "Set oom_kill_disable: false", "ops": [{"path": ["services", "a", "oom_kill_disable"], "set": false}]}} with input as {"services": {"a": {"image": "x", "oom_kill_disable": true}}}
}
