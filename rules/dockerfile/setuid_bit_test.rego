package shiplint.dockerfile.setuid_bit_test

import data.shiplint.dockerfile.setuid_bit as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "chmod sets mode u+s, which adds the setuid bit", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("chmod", ["u+s", "/usr/bin/x"])])])
	count(rule.deny) == 3 with input as h.doc([h.run([h.cmd("chmod", ["4755", "/x"]), h.cmd("chmod", ["+s", "/y"]), h.cmd("install", ["-m", "6755", "a", "/z"])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("chmod", ["g+s", "/data"]), h.cmd("chmod", ["2775", "/data"]), h.cmd("chmod", ["0755", "/x"]), h.cmd("chmod", ["u-s", "/x"])])])
}
