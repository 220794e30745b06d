# METADATA
# title: Base image does not come from our registry
# description: Dockerfiles must build on the base images our platform team maintains and patches.
# custom:
#   id: ORG002
#   severity: medium
#   remediation: Use a base image from registry.example.com/base/ (see the platform wiki for the list).
package shiplint.dockerfile.base_image

import data.shiplint.lib

deny contains lib.finding(msg, ["stages", s.index, "from"]) if {
	some s in input.stages
	s.from.stage == null
	not s.from.scratch
	s.from.resolved
	not startswith(s.from.image, "registry.example.com/base/")
	msg := sprintf("stage %d builds on %q; use a base image from registry.example.com/base/", [s.index, s.from.image])
}
