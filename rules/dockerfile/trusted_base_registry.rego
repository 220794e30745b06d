# METADATA
# title: Base image from a registry the team does not trust
# description: >-
#   Teams that build only on vetted base images (their own mirror, a hardened-image vendor)
#   list the registries they trust; a FROM that pulls from anywhere else bypasses the scanning,
#   patching and provenance checks those registries give. The rule is quiet until a team
#   configures the list (params DF052.registries), because which registries are trusted is a
#   team decision. Medium: the image may be fine, but nobody vouched for it.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#choose-the-right-base-image
# - https://slsa.dev/spec/v1.0/requirements
# custom:
#   id: DF052
#   severity: medium
#   remediation: >-
#     Build FROM an image in a trusted registry (mirror the image there first), or add the
#     registry to params DF052.registries in .shiplint.yaml, e.g.
#     `params: {DF052: {registries: [registry.example.com, docker.io/library]}}`.
#   frameworks: {cis-docker: "4.2"}
package shiplint.dockerfile.trusted_base_registry

import data.shiplint.lib

# Registries (or registry/path prefixes) a team trusts; Docker Hub images
# are docker.io/library/<name> (official) and docker.io/<org>/<name>.
registries := lib.param("DF052", "registries", [])

deny contains lib.finding(msg, ["stages", s.index, "from"]) if {
	count(registries) > 0
	some s in input.stages
	s.from.stage == null
	not s.from.scratch
	s.from.resolved
	ref := s.from.ref
	not lib.image_from(ref, registries)
	msg := sprintf("Base image %q (%s) is not from a trusted registry (%s)", [ref, lib.image_full(ref), concat(", ", registries)])
}
