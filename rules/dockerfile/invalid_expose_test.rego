package shiplint.dockerfile.invalid_expose_test

import data.shiplint.dockerfile.invalid_expose as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	count(rule.deny) == 5 with input as h.doc([h.ins("expose", ["80:8080", "70000", "0", "53/icmp", "9000-8000"])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.ins("expose", ["80", "443/TCP", "53/udp", "8000-8010", "${PORT}"])])
}
