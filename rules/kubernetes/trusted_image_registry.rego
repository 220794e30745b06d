# METADATA
# title: Container image from a registry the team does not trust
# description: >-
#   Platform teams commonly allow only images from their own registry or mirror, where images
#   are scanned, signed and kept; an image pulled from anywhere else skipped all of that, and a
#   typo-squatted name on a public registry runs attacker code. Quiet until a team lists its
#   registries (params KS071.registries). Medium: nobody vouched for the image.
# related_resources:
# - https://kubernetes.io/docs/concepts/containers/images/
# - https://kyverno.io/policies/other/allowed-image-repos/allowed-image-repos/
# custom:
#   id: KS071
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Mirror the image into a trusted registry and reference it from there, or add the registry
#     to params KS071.registries in .shiplint.yaml, e.g.
#     `params: {KS071: {registries: [registry.example.com, gcr.io/my-project]}}`.
#   aliases: [C-0078]
package shiplint.kubernetes.trusted_image_registry

import data.shiplint.lib

registries := lib.param("KS071", "registries", [])

deny contains lib.finding(msg, ["containers", i, "image"]) if {
	count(registries) > 0
	some i, c in input.containers
	is_string(c.image)
	not contains(c.image, "$")
	not lib.image_from(c.image, registries)
	msg := sprintf("%s %q of %s %q uses %q, which is not from a trusted registry (%s)", [c.containerType, c.name, input.resourceKind, input.name, c.image, concat(", ", registries)])
}
