package shiplint.dockerfile.from_platform_constant_test

import data.shiplint.dockerfile.from_platform_constant as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	count(rule.deny) == 1 with input as {"stages": [h.stage(0, null, {"platform": "linux/amd64"}, true, [])]}
}

test_variable_is_quiet if {
	count(rule.deny) == 0 with input as {"stages": [h.stage(0, "b", {"platform": "$BUILDPLATFORM"}, false, []), h.stage(1, null, {}, true, [])]}
}
