package shiplint.dockerfile.rpm_upgrade_test

import data.shiplint.dockerfile.rpm_upgrade as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "yum update upgrades every package at build time, so the image depends on the build date", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("yum", ["-y", "update"])])])
	rule.deny == {{"msg": "zypper dup upgrades every package at build time, so the image depends on the build date", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("zypper", ["--non-interactive", "dup", "--from", "repo-oss"])])])
	every c in [
		h.cmd("dnf", ["upgrade", "-y", "--refresh"]),
		h.cmd("microdnf", ["update", "--setopt=tsflags=nodocs"]),
		h.cmd("dnf", ["--disablerepo", "*", "upgrade-minimal", "--security"]),
		h.cmd("dnf", ["distro-sync", "-y"]),
		h.cmd("zypper", ["-n", "dist-upgrade"]),
		h.cmd("zypper", ["-n", "up"]),
		h.cmd("zypper", ["-n", "patch"]),
		h.cmd("tdnf", ["update", "-y"]),
	] {
		count(rule.deny) == 1 with input as h.doc([h.run([c])])
	}
}

test_named_packages_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("dnf", ["upgrade", "-y", "openssl"]),
		h.cmd("yum", ["update", "-y", "--disablerepo", "*", "glibc"]),
		h.cmd("zypper", ["-n", "update", "curl"]),
		h.cmd("zypper", ["-n", "patch", "--cve", "CVE-2024-1234"]),
		h.cmd("zypper", ["-n", "patch", "-g", "security"]),
		h.cmd("yum", ["check-update"]),
		h.cmd("apt-get", ["upgrade", "-y"]),
	])])
}
