package shiplint.dockerfile.apt_get_missing_yes_test

import data.shiplint.dockerfile.apt_get_missing_yes as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	{plain(f) | some f in rule.deny} == {{"msg": "apt-get install has no -y, so it waits for a confirmation the build cannot give", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("apt-get", ["install", "--no-install-recommends", "curl"])])])
}

test_yes_forms_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("apt-get", ["-yq", "install", "curl"]),
		h.cmd("apt-get", ["install", "curl", "--assume-yes"]),
		h.cmd("apt-get", ["-qq", "install", "curl"]),
		h.cmd("apt-get", ["-q", "-q", "install", "curl"]),
		h.cmd("apt-get", ["-q", "install", "curl", "-q"]),
		h.cmd("apt-get", ["--quiet", "--quiet", "install", "curl"]),
		h.cmd("apt-get", ["-q=2", "install", "curl"]),
		h.cmd("apt-get", ["--quiet=3", "install", "curl"]),
		h.cmd("apt-get", ["-q=1", "-q", "install", "curl"]),
		h.cmd("apt-get", ["-o", "quiet=2", "install", "curl"]),
		h.cmd("apt-get", ["-o", "APT::Get::Assume-Yes=true", "install", "curl"]),
		h.cmd("apt-get", ["update"]),
		h.pcmd("yes", [], 5, 0),
		h.pcmd("apt-get", ["install", "curl"], 5, 1),
	])])
}

test_one_quiet_level_fires if {
	every args in [
		["-q", "install", "curl"],
		["--quiet", "install", "curl"],
		["-q=1", "install", "curl"],
		["-qq", "-q=1", "install", "curl"],
		["-q", "-q=0", "install", "curl"],
		["-oquiet=1", "-q", "install", "curl"],
		["-q", "--", "install", "-q"],
	] {
		count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("apt-get", args)])])
	}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	some f in rule.deny with input as h.doc([h.run([h.cmd("apt-get", ["install", "curl"])])])
	f.fix.description == "Add -y"
	f.fix.ops[0].insert == " -y"
	regex.find_n(f.fix.ops[0].after, "apt-get -q install curl && apt-get remove x", 1) == ["apt-get -q install"]
	regex.find_n(f.fix.ops[0].after, "apt-get update && apt-get dist-upgrade", 1) == []
}
