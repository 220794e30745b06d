package shiplint.dockerfile.download_tls_disabled_test

import data.shiplint.dockerfile.download_tls_disabled as rule
import data.shiplint.lib.dockerfile_test as h

test_combined_k_fires if {
	rule.deny == {{"msg": "curl downloads with TLS certificate verification turned off", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("/usr/bin/curl", ["-fsSLk", "https://x"])])])
}

test_wget_fires if {
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("wget", ["-q", "--no-check-certificate", "https://x"])])])
}

test_header_and_kill_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("curl", ["-fsSL", "-K", "cfg", "https://x"]),
		h.cmd("curl", ["https://x", "--", "-k"]),
		h.cmd("kill", ["-k"]),
	])])
}
