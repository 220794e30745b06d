package shiplint.dockerfile.apt_no_install_recommends_test

import data.shiplint.dockerfile.apt_no_install_recommends as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "apt-get install also installs recommended packages: add --no-install-recommends", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("apt-get", ["install", "-y", "curl"])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("apt-get", ["install", "-y", "curl", "--no-install-recommends"]),
		h.cmd("apt-get", ["install", "-y", "-f"]),
		h.cmd("apt-get", ["-o", "APT::Install-Recommends=false", "install", "-y", "curl"]),
	])])
}

test_builder_stage_is_quiet if {
	count(rule.deny) == 0 with input as {"stages": [
		h.stage(0, "build", {}, false, [h.run([h.cmd("apt-get", ["install", "-y", "gcc"])])]),
		h.stage(1, null, {}, true, []),
	]}
}
