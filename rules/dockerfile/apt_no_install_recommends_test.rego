package shiplint.dockerfile.apt_no_install_recommends_test

import data.shiplint.dockerfile.apt_no_install_recommends as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	{plain(f) | some f in rule.deny} == {{"msg": "apt-get install also installs recommended packages: add --no-install-recommends", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("apt-get", ["install", "-y", "curl"])])])
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

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	some f in rule.deny with input as h.doc([h.run([h.cmd("apt-get", ["install", "-y", "curl"])])])
	f.fix.description == "Add --no-install-recommends"
	f.fix.ops[0].insert == " --no-install-recommends"
	regex.find_n(f.fix.ops[0].after, "apt-get update && apt-get -q install -y curl", 1) == [" apt-get -q install"]
}
