package shiplint.dockerfile.maintainer_test

import data.shiplint.dockerfile.maintainer as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	count(rule.deny) == 1 with input as h.doc([h.ins("maintainer", ["me"]), h.ins("label", ["maintainer", "me"])])
}
