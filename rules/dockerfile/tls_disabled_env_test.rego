package shiplint.dockerfile.tls_disabled_env_test

import data.shiplint.dockerfile.tls_disabled_env as rule
import data.shiplint.lib.dockerfile_test as h

test_env_fires if {
	rule.deny == {{"msg": "ENV NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS or signature verification", "path": ["stages", 0, "instructions", 0, "pairs", 1]}} with input as h.doc([h.pairs("env", [["A", "1"], ["NODE_TLS_REJECT_UNAUTHORIZED", "0"]])])
}

test_git_any_value_fires if {
	count(rule.deny) == 1 with input as h.doc([h.pairs("arg", [["GIT_SSL_NO_VERIFY", "false"]])])
}

test_prefix_and_export_fire if {
	c := object.union(h.cmd("pip", ["install", "x"]), {"env": {"PYTHONHTTPSVERIFY": "0"}})
	count(rule.deny) == 2 with input as h.doc([h.run([c, h.cmd("export", ["GOSUMDB='off'"])])])
}

test_safe_values_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([
		h.pairs("env", [["NODE_TLS_REJECT_UNAUTHORIZED", "1"], ["PYTHONHTTPSVERIFY", "1"], ["GOSUMDB", "sum.golang.org"]]),
		h.pairs("arg", [["GIT_SSL_NO_VERIFY", null], ["PIP_TRUSTED_HOST", ""]]),
	])
}
