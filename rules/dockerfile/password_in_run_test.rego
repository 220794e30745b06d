package shiplint.dockerfile.password_in_run_test

import data.shiplint.dockerfile.password_in_run as rule
import data.shiplint.lib.dockerfile_test as h

test_chpasswd_fires if {
	rule.deny == {{"msg": "chpasswd is fed a literal user:password, which is kept in the image history", "path": ["stages", 0, "instructions", 0, "commands", 1]}} with input as h.doc([h.run([h.pcmd("echo", ["root:Sup3rS3cret"], 0, 0), h.pcmd("chpasswd", [], 0, 1)])])
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("useradd", ["-m", "-p", "$6$abc$defGHI", "app"])])])
}

test_variable_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.pcmd("echo", ["app:${APP_PASSWORD}"], 0, 0), h.pcmd("chpasswd", [], 0, 1)])])
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("useradd", ["-m", "-p", "*", "app"]), h.cmd("usermod", ["-p", "\"$PASS\"", "app"])])])
}
