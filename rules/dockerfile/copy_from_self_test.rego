package shiplint.dockerfile.copy_from_self_test

import data.shiplint.dockerfile.copy_from_self as rule
import data.shiplint.lib.dockerfile_test as h

copy_from(v) := object.union(h.ins("copy", ["/a", "/a"]), {"flags": [concat("", ["--from=", v])]})

test_fires if {
	rule.deny == {{"msg": "COPY --from=Build names the stage it is in: a stage cannot copy from itself", "path": ["stages", 0, "instructions", 0, "flags", 0]}} with input as {"stages": [h.stage(0, "build", {}, true, [copy_from("Build")])]}
}

test_other_stage_is_quiet if {
	count(rule.deny) == 0 with input as {"stages": [h.stage(0, "build", {}, false, []), h.stage(1, null, {}, true, [copy_from("build"), copy_from("0")])]}
}
