package shiplint.dockerfile.base_image_test

import data.shiplint.dockerfile.base_image

test_public_base_denied if {
	count(base_image.deny) == 1 with input as {"stages": [{"index": 0, "from": {"stage": null, "scratch": false, "resolved": true, "image": "debian"}}]}
}

test_stage_reference_allowed if {
	count(base_image.deny) == 0 with input as {"stages": [{"index": 1, "from": {"stage": 0, "scratch": false, "resolved": true, "image": null}}]}
}
