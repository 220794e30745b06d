# METADATA
# title: Base image not pinned by digest
# description: >-
#   A version tag (`python:3.12-slim`) is still mutable: the publisher (or anyone who takes over
#   the repository) can push a different image under it, and rebuilds pick it up unreviewed.
#   Only a digest (`@sha256:...`) fixes the exact content. Low: for teams that want fully
#   reproducible, tamper-evident builds; untagged and `latest` images are reported by DF002
#   instead.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
# - https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier
# custom:
#   id: DF047
#   severity: low
#   remediation: >-
#     Pin the digest next to the tag, `FROM python:3.12-slim@sha256:<digest>`, and let an update
#     bot (Dependabot, Renovate) bump it.
package shiplint.dockerfile.base_image_not_digest

import data.shiplint.lib

deny contains lib.finding(msg, ["stages", s.index, "from"]) if {
	some s in input.stages
	s.from.stage == null
	not s.from.scratch
	s.from.resolved
	s.from.digest == null
	is_string(s.from.tag)
	s.from.tag != "latest"
	msg := sprintf("Base image %q is pinned by tag only: add its @sha256 digest", [s.from.ref])
}
