package shiplint.dockerfile.secret_in_env_test

import data.shiplint.dockerfile.secret_in_env as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "ENV DB_PASSWORD is given a literal secret value, which is stored in the image config", "path": ["stages", 0, "instructions", 0, "pairs", 1]}} with input as h.doc([h.pairs("env", [["DB_HOST", "db"], ["DB_PASSWORD", "hunter2"]])])
}

test_references_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.pairs("env", [
		["PASSWORD_FILE", "/run/secrets/db"],
		["API_TOKEN", "${API_TOKEN}"],
		["DB_PASSWORD", "changeme"],
		["SECRET_KEY", ""],
	])])
}
