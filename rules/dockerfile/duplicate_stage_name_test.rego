package shiplint.dockerfile.duplicate_stage_name_test

import data.shiplint.dockerfile.duplicate_stage_name as rule
import data.shiplint.lib.dockerfile_test as h

test_fires_on_second if {
	rule.deny == {{"msg": "Stage name \"build\" is already used by the stage at line 1", "path": ["stages", 1, "name"]}} with input as {"stages": [h.stage(0, "build", {}, false, []), h.stage(1, "build", {}, true, [])]}
}

test_unique_is_quiet if {
	count(rule.deny) == 0 with input as {"stages": [h.stage(0, "build", {}, false, []), h.stage(1, null, {}, false, []), h.stage(2, null, {}, true, [])]}
}
