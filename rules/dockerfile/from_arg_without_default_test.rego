package shiplint.dockerfile.from_arg_without_default_test

import data.shiplint.dockerfile.from_arg_without_default as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	d := {"args": [{"name": "VERSION", "value": null, "line": 1}], "stages": [h.stage(0, null, {"raw": "python:${VERSION}-slim"}, true, [])]}
	rule.deny == {{"msg": "FROM python:${VERSION}-slim uses ARG VERSION, which has no default before the first FROM", "path": ["stages", 0, "from"]}} with input as d
}

test_quiet if {
	d := {"args": [{"name": "VERSION", "value": "3.12", "line": 1}], "stages": [
		h.stage(0, "a", {"raw": "python:${VERSION}-slim"}, false, []),
		h.stage(1, "b", {"raw": "--platform=$BUILDPLATFORM golang:1.23"}, false, []),
		h.stage(2, null, {"raw": "${BASE:-alpine:3.20}"}, true, []),
	]}
	count(rule.deny) == 0 with input as d
}
