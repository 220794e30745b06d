package shiplint.dockerfile.run_security_insecure_test

import data.shiplint.dockerfile.run_security_insecure as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "RUN --security=insecure runs this step without the build sandbox", "path": ["stages", 0, "instructions", 0, "flags", 1]}} with input as h.doc([h.run_flags(["--network=none", "--security=insecure"], [])])
}

test_sandbox_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run_flags(["--security=sandbox"], [])])
}
