package shiplint.dockerfile.apt_upgrade_test

import data.shiplint.dockerfile.apt_upgrade as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	count(rule.deny) == 2 with input as h.doc([h.run([h.cmd("apt-get", ["-y", "dist-upgrade"]), h.cmd("apt", ["upgrade", "-y"])])])
}

test_install_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("apt-get", ["install", "-y", "--only-upgrade", "openssl"])])])
}
