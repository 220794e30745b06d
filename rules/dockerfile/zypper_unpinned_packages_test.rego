package shiplint.dockerfile.zypper_unpinned_packages_test

import data.shiplint.dockerfile.zypper_unpinned_packages as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "zypper installs curl, git-core without a pinned version", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("zypper", ["--non-interactive", "install", "curl", "git-core", "jq=1.6"])])])
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("zypper", ["-n", "in", "--no-recommends", "-r", "repo-oss", "curl"])])])
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("zypper", ["-n", "in", "-t", "package", "curl"])])])
}

test_pinned_and_not_names_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("zypper", ["-n", "install", "curl=8.6.0", "jq>=1.6", "git<3", "vim = 9.1", "tar-1.34-150000.3.31.1"]),
		h.cmd("zypper", ["-n", "in", "/tmp/app.rpm", "https://x.example/r.rpm", "pattern:devel_basis", "perl(JSON)", "$PKG"]),
		h.cmd("zypper", ["-n", "in", "-t", "pattern", "devel_basis"]),
		h.cmd("zypper", ["-n", "--type", "patch", "in", "openSUSE-2024-1"]),
		h.cmd("zypper", ["-n", "update", "curl"]),
		h.cmd("zypper", ["-n", "ref"]),
	])])
}
