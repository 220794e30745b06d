package shiplint.dockerfile.apt_lists_not_removed_test

import data.shiplint.dockerfile.apt_lists_not_removed as rule
import data.shiplint.lib.dockerfile_test as h

test_clean_is_not_enough if {
	rule.deny == {{"msg": "apt-get update leaves /var/lib/apt/lists in the layer: remove it in the same RUN", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([
		h.cmd("apt-get", ["update"]),
		h.cmd("apt-get", ["install", "-y", "x"]),
		h.cmd("apt-get", ["clean"]),
	])])
}

test_rm_after_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("apt-get", ["update"]),
		h.cmd("apt-get", ["install", "-y", "x"]),
		h.cmd("rm", ["-rf", "/var/lib/apt/lists/*"]),
	])])
}

test_rm_before_fires if {
	count(rule.deny) == 1 with input as h.doc([h.run([
		h.cmd("rm", ["-rf", "/var/lib/apt/lists/*"]),
		h.cmd("apt-get", ["update"]),
	])])
}

test_cache_mount_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run_flags(["--mount=type=cache,target=/var/lib/apt"], [h.cmd("apt-get", ["update"])])])
}
