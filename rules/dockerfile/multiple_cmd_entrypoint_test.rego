package shiplint.dockerfile.multiple_cmd_entrypoint_test

import data.shiplint.dockerfile.multiple_cmd_entrypoint as rule
import data.shiplint.lib.dockerfile_test as h

test_fires_on_earlier if {
	second := object.union(h.ins("cmd", ["b"]), {"line": 3})
	rule.deny == {{"msg": "This CMD is overridden by the CMD at line 3 and never takes effect", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([h.ins("cmd", ["a"]), h.ins("entrypoint", ["x"]), second])
}

test_other_stages_are_separate if {
	count(rule.deny) == 0 with input as {"stages": [h.stage(0, "a", {}, false, [h.ins("cmd", ["a"])]), h.stage(1, null, {}, true, [h.ins("cmd", ["b"])])]}
}
