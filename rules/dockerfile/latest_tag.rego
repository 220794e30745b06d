# METADATA
# title: Base image uses the latest tag or no tag
# description: >-
#   `FROM image` without a tag means `image:latest`, a name the publisher moves with every
#   release. The same Dockerfile then builds different images on different days: an update
#   you never reviewed (or a compromised push) lands silently, and a rebuild cannot reproduce
#   what is running. Medium: it does not weaken the container by itself, but it takes away
#   control over what goes into it.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#from
# custom:
#   id: DF002
#   severity: medium
#   remediation: >-
#     Pin the base image to a version tag (`FROM python:3.12-slim`), or better to a digest
#     (`FROM python:3.12-slim@sha256:...`), and update it deliberately.
#   aliases: [DL3006, DL3007, DS001, AVD-DS-0001, CKV_DOCKER_7]
package shiplint.dockerfile.latest_tag

import data.shiplint.lib

# Only external images count: `FROM builder` names an earlier stage, and
# `scratch` is empty. A reference that still holds a variable with no
# default is left alone (it is resolved at build time, never guessed).
external(from) if {
	from.stage == null
	not from.scratch
	from.resolved
	from.digest == null
}

deny contains lib.finding(msg, ["stages", s.index, "from"]) if {
	some s in input.stages
	external(s.from)
	s.from.tag == null
	msg := sprintf("Base image %q has no tag, so it means %q: pin a version", [s.from.image, concat(":", [s.from.image, "latest"])])
}

deny contains lib.finding(msg, ["stages", s.index, "from"]) if {
	some s in input.stages
	external(s.from)
	s.from.tag == "latest"
	msg := sprintf("Base image %q uses the mutable tag \"latest\": pin a version", [s.from.ref])
}
