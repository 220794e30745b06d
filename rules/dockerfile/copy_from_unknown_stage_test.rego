package shiplint.dockerfile.copy_from_unknown_stage_test

import data.shiplint.dockerfile.copy_from_unknown_stage as rule
import data.shiplint.lib.dockerfile_test as h

copy_from(v) := object.union(h.ins("copy", ["/a", "/a"]), {"flags": [concat("", ["--from=", v])]})

test_typo_fires if {
	rule.deny == {{"msg": "COPY --from=biuld matches no earlier stage, so the image \"biuld\" is pulled from Docker Hub", "path": ["stages", 1, "instructions", 0, "flags", 0]}} with input as {"stages": [h.stage(0, "build", {}, false, []), h.stage(1, null, {}, true, [copy_from("biuld")])]}
}

test_quiet if {
	count(rule.deny) == 0 with input as {"stages": [h.stage(0, "build", {}, false, []), h.stage(1, null, {}, true, [
		copy_from("Build"), copy_from("0"), copy_from("nginx:1.27"), copy_from("ghcr.io/org/tools"), copy_from("${BASE}"),
	])]}
}
