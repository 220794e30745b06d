package shiplint.dockerfile.yum_missing_yes_test

import data.shiplint.dockerfile.yum_missing_yes as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	{plain(f) | some f in rule.deny} == {{"msg": "dnf install has no -y, so it waits for a confirmation the build cannot give", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("dnf", ["install", "httpd"])])])
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("zypper", ["in", "curl"])])])
	{plain(f) | some f in rule.deny} == {{"msg": "microdnf install has no -y, so it waits for a confirmation the build cannot give", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("microdnf", ["install", "--nodocs", "shadow-utils"])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("yum", ["-q", "-y", "install", "x"]),
		h.cmd("dnf", ["install", "--assumeyes", "x"]),
		h.cmd("microdnf", ["install", "-y", "x"]),
		h.cmd("microdnf", ["--disablerepo", "*", "clean", "all"]),
		h.cmd("zypper", ["-n", "in", "x"]),
		h.cmd("zypper", ["install", "-y", "x"]),
		h.cmd("yum", ["clean", "all"]),
	])])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	some f in rule.deny with input as h.doc([h.run([h.cmd("dnf", ["install", "httpd"])])])
	f.fix.description == "Add -y"
	f.fix.ops[0].insert == " -y"
	regex.find_n(f.fix.ops[0].after, "dnf --nodocs install httpd", 1) == ["dnf --nodocs install"]
	some z in rule.deny with input as h.doc([h.run([h.cmd("zypper", ["in", "curl"])])])
	regex.find_n(z.fix.ops[0].after, "zypper in curl", 1) == ["zypper in"]
}
