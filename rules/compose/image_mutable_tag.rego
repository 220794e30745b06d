# METADATA
# title: Service image uses latest or no tag
# description: >-
#   An image without a tag (implicitly `latest`) or tagged `latest` changes whenever it is
#   pushed: a redeploy can pull different software, a compromised upstream push lands without
#   review, and the stack cannot be reproduced or rolled back. Medium, because it is a supply
#   chain and reliability risk, not a direct exposure.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#image
# - https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
# custom:
#   id: DC020
#   severity: medium
#   remediation: >-
#     Pin a version tag (`postgres:16.4`), ideally with its digest
#     (`postgres:16.4@sha256:...`), and update it deliberately (Renovate or Dependabot can do it).
package shiplint.compose.image_mutable_tag

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, ["services", name, "image"]) if {
	some name, svc in input.services
	is_string(svc.image)
	not built_here(svc)
	ref := trim_space(svc.image)
	lib.is_mutable_tag(ref)
	not unresolved(ref)
	msg := sprintf("Service %q uses image %q, which has no fixed version (latest or no tag)%s", [name, svc.image, compose.provenance(["services", name, "image"])])
}

# With build:, image names the tag Compose gives the image it builds locally.
built_here(svc) if svc.build != null

# A ${VAR} left in the last path component may hold the tag: unknown, not flagged.
unresolved(ref) if {
	r := lib.image_ref(ref)
	r.tag == null
	parts := split(r.repository, "/")
	contains(parts[count(parts) - 1], "$")
}

unresolved(ref) if {
	r := lib.image_ref(ref)
	r.tag != null
	contains(r.tag, "$")
}

unresolved(ref) if ref == ""
