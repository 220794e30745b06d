package shiplint.dockerfile.run_cd_test

import data.shiplint.dockerfile.run_cd as rule
import data.shiplint.lib.dockerfile_test as h

test_fires_once if {
	rule.deny == {{"msg": "RUN changes directory with cd: use WORKDIR", "path": ["stages", 0, "instructions", 0, "commands", 1]}} with input as h.doc([h.run([h.cmd("echo", []), h.cmd("cd", ["/a"]), h.cmd("cd", ["/b"])])])
}

test_shell_c_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("sh", ["-c", "cd /a"]), object.union(h.cmd("cd", ["/a"]), {"context": "shell-c", "parent": 0})])])
}
