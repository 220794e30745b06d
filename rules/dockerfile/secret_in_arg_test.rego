package shiplint.dockerfile.secret_in_arg_test

import data.shiplint.dockerfile.secret_in_arg as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "ARG GITHUB_TOKEN has a literal secret default, which is kept in the image history", "path": ["stages", 0, "instructions", 0, "pairs", 0]}} with input as h.doc([h.pairs("arg", [["GITHUB_TOKEN", "ghp_abcdefghijklmnop"]])])
}

test_global_fires if {
	d := object.union(h.doc([]), {"args": [{"name": "NPM_TOKEN", "value": "npm_abcdef123456", "line": 1}]})
	count(rule.deny) == 1 with input as d
}

test_no_default_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.pairs("arg", [["TOKEN", null], ["SECRET_KEY", "$DEFAULT"], ["PASSWORD_FILE", "/run/secrets/p"]])])
}
