# METADATA
# title: FROM --platform with a fixed value
# description: >-
#   `FROM --platform=linux/amd64` forces one architecture whatever the build targets, so
#   multi-platform builds produce mislabelled images and builds on other machines run under
#   emulation or ship binaries for the wrong CPU. Info: a correctness issue. `$BUILDPLATFORM` and
#   `$TARGETPLATFORM` are the intended values and are not reported.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#from
# - https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/
# custom:
#   id: DF048
#   severity: info
#   remediation: >-
#     Drop `--platform`, or use `FROM --platform=$BUILDPLATFORM` for cross-compiling builder
#     stages; choose the target with `docker build --platform`.
#   aliases: [FromPlatformFlagConstDisallowed, DL3029]
package shiplint.dockerfile.from_platform_constant

import data.shiplint.lib

deny contains lib.finding(msg, ["stages", s.index, "from"]) if {
	some s in input.stages
	is_string(s.from.platform)
	not contains(s.from.platform, "$")
	msg := sprintf("FROM --platform=%s fixes the platform: use $BUILDPLATFORM or the build's --platform", [s.from.platform])
}
