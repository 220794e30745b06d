package shiplint.dockerfile.apk_no_cache_test

import data.shiplint.dockerfile.apk_no_cache as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	{plain(f) | some f in rule.deny} == {{"msg": "apk add keeps its package cache in the layer: add --no-cache", "path": ["stages", 0, "instructions", 0, "commands", 1]}} with input as h.doc([h.run([h.cmd("apk", ["update"]), h.cmd("apk", ["add", "--virtual", ".deps", "gcc"])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("apk", ["add", "--no-cache", "curl"])])])
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("apk", ["add", "curl"]), h.cmd("rm", ["-rf", "/var/cache/apk/*"])])])
	count(rule.deny) == 0 with input as h.doc([h.run_flags(["--mount=type=cache,target=/var/cache/apk"], [h.cmd("apk", ["add", "curl"])])])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	some f in rule.deny with input as h.doc([h.run([h.cmd("apk", ["add", "curl"])])])
	f.fix.description == "Add --no-cache"
	f.fix.ops[0].insert == " --no-cache"
	regex.find_n(f.fix.ops[0].after, "RUN apk update && apk --quiet add curl", 1) == [" apk --quiet add"]
}
