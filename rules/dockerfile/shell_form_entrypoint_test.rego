package shiplint.dockerfile.shell_form_entrypoint_test

import data.shiplint.dockerfile.shell_form_entrypoint as rule
import data.shiplint.lib.dockerfile_test as h

shell(c, line) := object.union(h.ins(c, [line]), {"form": "shell"})

exec_form(c, args) := object.union(h.ins(c, args), {"form": "exec"})

test_fires_on_last if {
	rule.deny == {{"msg": "CMD in shell form runs under /bin/sh -c, which does not pass stop signals on: use the JSON form", "path": ["stages", 0, "instructions", 1]}} with input as h.doc([exec_form("cmd", ["a"]), shell("cmd", "node server.js")])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([shell("cmd", "node a.js"), exec_form("cmd", ["node", "b.js"]), shell("entrypoint", "exec /app --x")])
}
