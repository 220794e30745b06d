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
#     bot (Dependabot, Renovate) bump it. When another stage of the same file already pins this
#     image and tag to one digest, the fix adds that digest; otherwise there is no fix, because
#     the digest must come from the registry (`docker buildx imagetools inspect <image:tag>`)
#     and a human should check it is the image they meant.
package shiplint.dockerfile.base_image_not_digest

import data.shiplint.lib

deny contains f if {
	some s in input.stages
	s.from.stage == null
	not s.from.scratch
	s.from.resolved
	s.from.digest == null
	is_string(s.from.tag)
	s.from.tag != "latest"
	msg := sprintf("Base image %q is pinned by tag only: add its @sha256 digest", [s.from.ref])
	f := with_fix(msg, ["stages", s.index, "from"], s.from)
}

with_fix(msg, path, from) := lib.finding_fix(msg, path, fix) if {
	d := known_digest(from)
	fix := lib.fix_replace(
		sprintf("Pin %s to %s (as another stage of this file does)", [from.ref, d]),
		sprintf(`(?i)^(\s*FROM\s+(?:--\S+\s+)*)%s(\s|$)`, [quote_meta(from.raw)]),
		sprintf("${1}%s@%s$2", [from.raw, d]),
	)
} else := lib.finding(msg, path)

# known_digest(from) is the one digest other FROM lines of this file pin the same image and
# tag to. Only a literal reference is fixed (an ARG in it would be replaced by its value).
known_digest(from) := d if {
	from.raw == from.ref
	ds := {o.from.digest |
		some o in input.stages
		o.from.image == from.image
		o.from.tag == from.tag
		is_string(o.from.digest)
	}
	count(ds) == 1
	some d in ds
}

# quote_meta escapes the regular expression metacharacters of s.
quote_meta(s) := regex.replace(s, `([\\.+*?()|\[\]{}^$])`, `\$1`)
