package shiplint.dockerfile.relative_workdir_test

import data.shiplint.dockerfile.relative_workdir as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "WORKDIR app is relative to a directory set by the base image: use an absolute path", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([h.ins("workdir", ["app"])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.ins("workdir", ["/srv"]), h.ins("workdir", ["app"]), h.ins("workdir", ["$HOME/x"]), h.ins("workdir", ["C:\\app"])])
}
