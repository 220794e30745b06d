package shiplint.dockerfile.git_tls_disabled_test

import data.shiplint.dockerfile.git_tls_disabled as rule
import data.shiplint.lib.dockerfile_test as h

test_dash_c_fires if {
	rule.deny == {{"msg": "git runs with http.sslVerify turned off, so any certificate is accepted", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("git", ["-c", "http.sslVerify=false", "clone", "https://x"])])])
}

test_config_fires if {
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("git", ["config", "--global", "http.https://x.example.sslverify", "0"])])])
}

test_true_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("git", ["config", "--global", "http.sslVerify", "true"]),
		h.cmd("git", ["-c", "advice.detachedHead=false", "clone", "https://x"]),
	])])
}
