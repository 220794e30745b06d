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

# The digest another stage pins this image and tag to is the fix; a finding without one has
# no fix.
test_fix_from_other_stage if {
	fs := rule.deny with input as {"stages": [
		h.stage(0, "a", {"raw": "golang:1.23", "ref": "golang:1.23", "image": "golang", "tag": "1.23"}, false, []),
		h.stage(1, "b", {"raw": "golang:1.23@sha256:ab", "ref": "golang:1.23@sha256:ab", "image": "golang", "tag": "1.23", "digest": "sha256:ab"}, false, []),
		h.stage(2, "c", {}, true, []),
	]}
	count(fs) == 2
	some f in fs
	f.path == ["stages", 0, "from"]
	f.fix.description == "Pin golang:1.23 to sha256:ab (as another stage of this file does)"
	line := "FROM --platform=$BUILDPLATFORM golang:1.23 AS a"
	regex.replace(line, f.fix.ops[0].match, f.fix.ops[0].replace) == "FROM --platform=$BUILDPLATFORM golang:1.23@sha256:ab AS a"
	not regex.match(f.fix.ops[0].match, "FROM golang:1x23 AS a")
	some g in fs
	g.path == ["stages", 2, "from"]
	not g.fix
}

# Two digests for one tag: no way to choose, no fix.
test_no_fix_when_digests_disagree if {
	fs := rule.deny with input as {"stages": [
		h.stage(0, "a", {"raw": "golang:1.23", "ref": "golang:1.23", "image": "golang", "tag": "1.23"}, false, []),
		h.stage(1, "b", {"image": "golang", "tag": "1.23", "digest": "sha256:ab"}, false, []),
		h.stage(2, "c", {"image": "golang", "tag": "1.23", "digest": "sha256:cd"}, true, []),
	]}
	count(fs) == 1
	some f in fs
	not f.fix
}
