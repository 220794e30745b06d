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
