package shiplint.dockerfile.maintainer_test

import data.shiplint.dockerfile.maintainer as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	count(rule.deny) == 1 with input as h.doc([h.ins("maintainer", ["me"]), h.ins("label", ["maintainer", "me"])])
}

test_fix if {
	some f in rule.deny with input as h.doc([h.ins("maintainer", ["Jane"])])
	f.fix.description == "Use LABEL org.opencontainers.image.authors"
	regex.find_n(f.fix.ops[0].match, `MAINTAINER Jane Doe <j@example.com>`, 1) == [`MAINTAINER Jane Doe <j@example.com>`]
	regex.find_n(f.fix.ops[0].match, `MAINTAINER "Jane"`, 1) == []
}
