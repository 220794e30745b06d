package shiplint.compose.image_mutable_tag_test

import data.shiplint.compose.image_mutable_tag

test_latest_and_untagged_fire if {
	image_mutable_tag.deny == {
		{"msg": "Service \"a\" uses image \"nginx\", which has no fixed version (latest or no tag)", "path": ["services", "a", "image"]},
		{"msg": "Service \"b\" uses image \"ghcr.io/org/app:latest\", which has no fixed version (latest or no tag)", "path": ["services", "b", "image"]},
		{"msg": "Service \"c\" uses image \"registry:5000/app\", which has no fixed version (latest or no tag)", "path": ["services", "c", "image"]},
	} with input as {"services": {"a": {"image": "nginx"}, "b": {"image": "ghcr.io/org/app:latest"}, "c": {"image": "registry:5000/app"}}}
}

test_pinned_built_and_unresolved_are_quiet if {
	count(image_mutable_tag.deny) == 0 with input as {"services": {
		"a": {"image": "nginx:1.27"}, "b": {"image": "app:latest", "build": {"context": "."}},
		"c": {"image": "nginx@sha256:0123"}, "d": {"image": "${IMAGE}"}, "e": {"image": "app:${TAG}"},
		"f": {"image": "nginx:latest@sha256:0123"}, "g": {"build": {"context": "."}},
	}}
}
