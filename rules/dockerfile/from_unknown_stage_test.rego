package shiplint.dockerfile.from_unknown_stage_test

import data.shiplint.dockerfile.from_unknown_stage as rule
import data.shiplint.lib.dockerfile_test as h

test_forward_reference_fires if {
	rule.deny == {{"msg": "FROM base names a stage that is defined here or later, so an image \"base\" is pulled instead", "path": ["stages", 0, "from"]}} with input as {"stages": [
		h.stage(0, "app", {"ref": "base", "image": "base", "tag": null}, false, []),
		h.stage(1, "base", {}, true, []),
	]}
}

test_earlier_stage_is_quiet if {
	count(rule.deny) == 0 with input as {"stages": [
		h.stage(0, "base", {}, false, []),
		h.stage(1, "app", {"ref": "base", "stage": 0}, true, []),
	]}
}
