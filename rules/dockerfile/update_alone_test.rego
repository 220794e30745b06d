package shiplint.dockerfile.update_alone_test

import data.shiplint.dockerfile.update_alone as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "apt-get update runs in a RUN that installs nothing: its cached index goes stale for later installs", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("apt-get", ["update", "-q"])])])
}

test_with_install_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("apt-get", ["update"]), h.cmd("apt-get", ["install", "-y", "x"])])])
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("apk", ["update"]), h.cmd("/tmp/install.sh", [])])])
}

test_zypper_refresh_and_makecache_fire if {
	rule.deny == {{"msg": "zypper ref runs in a RUN that installs nothing: its cached index goes stale for later installs", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("zypper", ["--non-interactive", "ref"])])])
	rule.deny == {{"msg": "zypper refresh runs in a RUN that installs nothing: its cached index goes stale for later installs", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("zypper", ["-R", "/mnt", "refresh", "repo-oss"]), h.cmd("zypper", ["clean", "-a"])])])
	rule.deny == {{"msg": "microdnf makecache runs in a RUN that installs nothing: its cached index goes stale for later installs", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("microdnf", ["makecache"])])])
}

test_zypper_refresh_then_install_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("zypper", ["ref"]),
		h.cmd("zypper", ["-n", "in", "curl"]),
		h.cmd("dnf", ["makecache"]),
		h.cmd("dnf", ["install", "-y", "git"]),
	])])
}
