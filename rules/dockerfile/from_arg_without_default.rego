# METADATA
# title: FROM uses an ARG that has no default
# description: >-
#   `FROM image:${VERSION}` where `VERSION` is not declared before the first FROM with a default
#   builds from `image:` (an error) or from whatever a caller passes, so the base image is not
#   defined by the Dockerfile at all. Low. The automatic platform args (`TARGETARCH`,
#   `BUILDPLATFORM`...) and `${VAR:-default}` forms are well defined and not reported.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact
# - https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/
# - https://docs.docker.com/reference/build-checks/undefined-arg-in-from/
# custom:
#   id: DF049
#   severity: low
#   remediation: Declare the ARG before the first FROM with a pinned default (`ARG VERSION=3.12`).
#   aliases: [InvalidDefaultArgInFrom, UndefinedArgInFrom]
package shiplint.dockerfile.from_arg_without_default

import data.shiplint.lib

automatic := {
	"TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
	"BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
}

# Variables whose value is needed as is: $V, ${V}, ${V#..}, ${V%..}.
needed(raw) := {v |
	some m in regex.find_all_string_submatch_n(`\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:\}|[#%/]))`, raw, -1)
	v := concat("", [m[1], m[2]])
}

has_default(v) if {
	some a in input.args
	a.name == v
	a.value != null
	a.value != ""
}

deny contains lib.finding(msg, ["stages", s.index, "from"]) if {
	some s in input.stages
	some v in needed(s.from.raw)
	not v in automatic
	not has_default(v)
	msg := sprintf("FROM %s uses ARG %s, which has no default before the first FROM", [s.from.raw, v])
}
