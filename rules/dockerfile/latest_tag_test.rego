package shiplint.dockerfile.latest_tag_test

import data.shiplint.dockerfile.latest_tag

from(image, tag) := {"stage": null, "scratch": false, "resolved": true, "image": image, "tag": tag, "digest": null, "ref": ref} if {
	tag != null
	ref := concat(":", [image, tag])
} else := {"stage": null, "scratch": false, "resolved": true, "image": image, "tag": null, "digest": null, "ref": image}

test_untagged_fires if {
	latest_tag.deny == {{"msg": "Base image \"node\" has no tag, so it means \"node:latest\": pin a version", "path": ["stages", 0, "from"]}} with input as {"stages": [{"index": 0, "from": from("node", null)}]}
}

test_latest_fires if {
	count(latest_tag.deny) == 1 with input as {"stages": [{"index": 0, "from": from("node", "latest")}]}
}

test_pinned_is_quiet if {
	count(latest_tag.deny) == 0 with input as {"stages": [{"index": 0, "from": from("node", "22-alpine")}]}
}

test_digest_is_quiet if {
	count(latest_tag.deny) == 0 with input as {"stages": [{"index": 0, "from": object.union(from("node", null), {"digest": "sha256:ab"})}]}
}

test_stage_reference_is_quiet if {
	count(latest_tag.deny) == 0 with input as {"stages": [{"index": 1, "from": object.union(from("build", null), {"stage": 0})}]}
}

test_scratch_and_unresolved_are_quiet if {
	count(latest_tag.deny) == 0 with input as {"stages": [
		{"index": 0, "from": object.union(from("scratch", null), {"scratch": true})},
		{"index": 1, "from": object.union(from("x", null), {"resolved": false, "image": null})},
	]}
}
