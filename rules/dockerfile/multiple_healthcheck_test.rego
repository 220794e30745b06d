package shiplint.dockerfile.multiple_healthcheck_test

import data.shiplint.dockerfile.multiple_healthcheck as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	second := object.union(h.ins("healthcheck", ["NONE"]), {"line": 7})
	rule.deny == {{"msg": "This HEALTHCHECK is overridden by the HEALTHCHECK at line 7", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([h.ins("healthcheck", ["CMD", "true"]), second])
}

test_single_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.ins("healthcheck", ["CMD", "true"])])
}
