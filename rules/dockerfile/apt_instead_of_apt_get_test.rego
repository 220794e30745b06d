package shiplint.dockerfile.apt_instead_of_apt_get_test

import data.shiplint.dockerfile.apt_instead_of_apt_get as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	{plain(f) | some f in rule.deny} == {{"msg": "apt install is the interactive front end: use apt-get in a Dockerfile", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("apt", ["install", "-y", "curl"])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("apt-get", ["install", "-y", "curl"]), h.cmd("apt-key", ["add", "-"]), h.cmd("apt", ["list", "--installed"])])])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	some f in rule.deny with input as h.doc([h.run([h.cmd("apt", ["install", "-y", "curl"])])])
	f.fix.description == "Use apt-get"
	regex.find_n(f.fix.ops[0].match, "apt install -y curl", 1) == ["apt "]
	regex.find_n(f.fix.ops[0].match, "apt-get install", 1) == []
}
