package shiplint.dockerfile.expose_ssh_test

import data.shiplint.dockerfile.expose_ssh as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "EXPOSE 22/tcp publishes the SSH port 22: do not run an SSH server in the container", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([h.ins("expose", ["80", "22/tcp"])])
	count(rule.deny) == 1 with input as h.doc([h.ins("expose", ["20-25"])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.ins("expose", ["2222", "220", "22/udp", "$PORT"])])
}
