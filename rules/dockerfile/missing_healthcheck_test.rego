package shiplint.dockerfile.missing_healthcheck_test

import data.shiplint.dockerfile.missing_healthcheck as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "The final image has no HEALTHCHECK: add one (or HEALTHCHECK NONE if the platform probes it)", "path": ["stages", 0, "from"]}} with input as h.doc([h.ins("expose", ["8080"]), h.ins("cmd", ["node", "server.js"])])
}

test_cli_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.ins("entrypoint", ["certbot"])])
}

test_inherited_is_quiet if {
	count(rule.deny) == 0 with input as {"stages": [
		h.stage(0, "base", {}, false, [h.ins("healthcheck", ["NONE"])]),
		h.stage(1, null, {"stage": 0}, true, [h.ins("expose", ["80"])]),
	]}
}

test_nothing_runs_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([])])
}
