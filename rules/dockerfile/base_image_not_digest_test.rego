package shiplint.dockerfile.base_image_not_digest_test

import data.shiplint.dockerfile.base_image_not_digest as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "Base image \"debian:12\" is pinned by tag only: add its @sha256 digest", "path": ["stages", 0, "from"]}} with input as h.doc([])
}

test_quiet if {
	count(rule.deny) == 0 with input as {"stages": [
		h.stage(0, "a", {"digest": "sha256:ab"}, false, []),
		h.stage(1, "b", {"tag": null}, false, []),
		h.stage(2, "c", {"tag": "latest"}, false, []),
		h.stage(3, "d", {"stage": 0}, false, []),
		h.stage(4, null, {"scratch": true, "tag": null}, true, []),
	]}
}
