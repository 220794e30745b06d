# METADATA
# title: Image does not come from our registry
# description: >-
#   Only images built and scanned by our own pipeline may run in the cluster. An image pulled
#   from a public registry skipped that pipeline: nobody scanned it, nobody pinned it.
# related_resources:
# - https://wiki.example.com/platform/registry
# custom:
#   id: ORG001
#   severity: high
#   remediation: >-
#     Mirror the image into registry.example.com (make mirror IMAGE=...) and reference it from
#     there. Teams can add registries with params ORG001.registries in .shiplint.yaml.
package shiplint.kubernetes.trusted_registry

import data.shiplint.lib

# The registries a team trusts; .shiplint.yaml can replace the list:
#   params: {ORG001: {registries: [registry.example.com, ghcr.io/example]}}
registries := lib.param("ORG001", "registries", ["registry.example.com"])

trusted(image) if {
	some r in registries
	startswith(image, concat("", [r, "/"]))
}

deny contains lib.finding(msg, ["containers", i, "image"]) if {
	some i, c in input.containers
	not trusted(c.image)
	msg := sprintf("%s %q uses image %q, which is not from %s", [c.containerType, c.name, c.image, concat(" or ", registries)])
}
