package shiplint.dockerfile.apk_untrusted_test

import data.shiplint.dockerfile.apk_untrusted as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	{plain(f) | some f in rule.deny} == {{"msg": "apk is run with --allow-untrusted, so unsigned packages are installed", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("apk", ["add", "--allow-untrusted", "--repository", "http://repo.example.com/alpine", "tool"])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("apk", ["add", "--no-cache", "x"]), h.cmd("echo", ["--allow-untrusted"]), h.cmd("apk", ["add", "--allow-untrusted", "/tmp/packages/x.apk"])])])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	some f in rule.deny with input as h.doc([h.run([h.cmd("apk", ["add", "--allow-untrusted", "tool"])])])
	f.fix.description == "Remove --allow-untrusted"
	regex.find_n(f.fix.ops[0].match, "apk add --allow-untrusted tool", 1) == [" --allow-untrusted "]
	f.fix.ops[0].replace == "$1"
}
