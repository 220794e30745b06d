package shiplint.dockerfile.missing_pipefail_test

import data.shiplint.dockerfile.missing_pipefail as rule
import data.shiplint.lib.dockerfile_test as h

pipe(name, args, p, pos) := object.union(h.pcmd(name, args, p, pos), {"pipelineLength": 2})

test_fires if {
	rule.deny == {{"msg": "curl is piped into another command without set -o pipefail, so a failed download does not fail the build", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([pipe("curl", ["-fsSL", "u"], 0, 0), pipe("tee", ["f"], 0, 1)])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("set", ["-eux", "-o", "pipefail"]), pipe("curl", ["u"], 1, 0), pipe("tar", ["-xz"], 1, 1)])])
	count(rule.deny) == 0 with input as h.doc([h.run([pipe("curl", ["u"], 0, 0), pipe("sh", [], 0, 1)])])
	count(rule.deny) == 0 with input as h.doc([h.run([pipe("echo", ["x"], 0, 0), pipe("tee", ["f"], 0, 1)])])
	count(rule.deny) == 0 with input as h.doc([h.ins("shell", ["/bin/bash", "-o", "pipefail", "-c"]), h.run([pipe("curl", ["u"], 0, 0), pipe("tee", ["f"], 0, 1)])])
}
