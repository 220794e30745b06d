package shiplint.dockerfile.npm_strict_ssl_disabled_test

import data.shiplint.dockerfile.npm_strict_ssl_disabled as rule
import data.shiplint.lib.dockerfile_test as h

test_config_set_fires if {
	rule.deny == {{"msg": "npm is configured with strict-ssl off, so any registry certificate is accepted", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("npm", ["config", "set", "strict-ssl", "false"])])])
}

test_forms_fire if {
	count(rule.deny) == 3 with input as h.doc([h.run([
		h.cmd("yarn", ["config", "set", "strict-ssl", "false", "-g"]),
		h.cmd("npm", ["install", "--strict-ssl=false"]),
		h.cmd("npm", ["set", "strict-ssl=false"]),
	])])
}

test_true_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("npm", ["config", "set", "strict-ssl", "true"]),
		h.cmd("npm", ["config", "set", "fund", "false"]),
	])])
}
