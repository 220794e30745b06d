package shiplint.dockerfile.apt_unauthenticated_test

import data.shiplint.dockerfile.apt_unauthenticated as rule
import data.shiplint.lib.dockerfile_test as h

test_allow_unauthenticated_fires if {
	rule.deny == {{"msg": "apt-get is told to accept packages or repositories without a valid signature", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("apt-get", ["install", "-y", "x", "--allow-unauthenticated"])])])
}

test_option_fires if {
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("apt-get", ["-o", "APT::Get::AllowUnauthenticated=true", "install", "x"])])])
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("apt-get", ["-oAcquire::https::Verify-Peer=false", "update"])])])
}

test_trusted_source_fires if {
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("echo", ["deb [trusted=yes] http://repo.example.com stable main"])])])
}

test_signed_by_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("echo", ["deb [signed-by=/etc/apt/keyrings/x.gpg] https://repo.example.com stable main"]),
		h.cmd("apt-get", ["-o", "APT::Get::AllowUnauthenticated=false", "install", "-y", "x"]),
	])])
}
