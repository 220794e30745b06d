package shiplint.dockerfile.apt_get_missing_yes_test

import data.shiplint.dockerfile.apt_get_missing_yes as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "apt-get install has no -y, so it waits for a confirmation the build cannot give", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("apt-get", ["install", "--no-install-recommends", "curl"])])])
}

test_yes_forms_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("apt-get", ["-yq", "install", "curl"]),
		h.cmd("apt-get", ["install", "curl", "--assume-yes"]),
		h.cmd("apt-get", ["-qq", "install", "curl"]),
		h.cmd("apt-get", ["-o", "APT::Get::Assume-Yes=true", "install", "curl"]),
		h.cmd("apt-get", ["update"]),
		h.pcmd("yes", [], 5, 0),
		h.pcmd("apt-get", ["install", "curl"], 5, 1),
	])])
}
