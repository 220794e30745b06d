package shiplint.compose.shared_propagation_test

import data.shiplint.compose.shared_propagation

test_fires if {
	shared_propagation.deny == {
		{"msg": "Service \"a\" mounts /mnt with rshared propagation", "path": ["services", "a", "volumes", 0]},
		{"msg": "Service \"a\" mounts /data with shared propagation", "path": ["services", "a", "volumes", 1, "bind", "propagation"]},
	} with input as {"services": {"a": {"volumes": [
		{"type": "bind", "source": "/mnt", "target": "/mnt", "raw": "/mnt:/mnt:rshared"},
		{"type": "bind", "source": "/data", "target": "/data", "bind": {"propagation": "shared"}, "raw": {}},
		{"type": "bind", "source": "/x", "target": "/x", "raw": "/x:/x:ro,rslave"},
	]}}}
}
