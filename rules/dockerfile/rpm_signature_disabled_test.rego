package shiplint.dockerfile.rpm_signature_disabled_test

import data.shiplint.dockerfile.rpm_signature_disabled as rule
import data.shiplint.lib.dockerfile_test as h

test_nogpgcheck_fires if {
	rule.deny == {{"msg": "dnf installs packages without checking their signatures", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("dnf", ["install", "-y", "--nogpgcheck", "x"])])])
}

test_setopt_and_rpm_fire if {
	count(rule.deny) == 2 with input as h.doc([h.run([
		h.cmd("yum", ["--setopt=*.gpgcheck=0", "install", "x"]),
		h.cmd("rpm", ["-i", "--nosignature", "https://example.com/x.rpm"]),
	])])
}

test_checked_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("yum", ["--setopt=tsflags=nodocs", "install", "-y", "x"]),
		h.cmd("rpm", ["--import", "https://x/key"]),
		h.cmd("rpm", ["-i", "--nosignature", "/tmp/built/x.rpm"]),
		h.cmd("zypper", ["--non-interactive", "install", "-G", "x"]),
	])])
}
