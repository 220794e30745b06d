package shiplint.dockerfile.world_writable_test

import data.shiplint.dockerfile.world_writable as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "chmod sets mode 777, which makes files writable by every user", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("chmod", ["-R", "777", "/app"])])])
	count(rule.deny) == 4 with input as h.doc([
		h.run([h.cmd("chmod", ["a+rwx", "/x"]), h.cmd("chmod", ["u+x,o+w", "/y"]), h.cmd("mkdir", ["-p", "-m", "0777", "/z"])]),
		object.union(h.ins("copy", ["a", "/a"]), {"flags": ["--chmod=666"]}),
	])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([
		h.run([
			h.cmd("chmod", ["1777", "/tmp/shared"]),
			h.cmd("chmod", ["755", "/app"]),
			h.cmd("chmod", ["+w", "/app"]),
			h.cmd("chmod", ["g+w", "/app"]),
			h.cmd("chmod", ["a+rwxt", "/scratch"]),
			h.cmd("chmod", ["775", "/app"]),
		]),
		object.union(h.ins("copy", ["a", "/a"]), {"flags": ["--chmod=755"]}),
	])
}
