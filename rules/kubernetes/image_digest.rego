# METADATA
# title: Image is not pinned by digest
# description: >-
#   A tag can be moved to another image at any time by whoever can push to the repository;
#   only a digest (`@sha256:...`) names exactly one image. Pinning by digest makes what runs
#   reviewable and immune to tag hijacking. Low: good supply-chain hygiene, often handled by a
#   registry policy instead. Images written as unrendered template variables are skipped.
# related_resources:
# - https://kubernetes.io/docs/concepts/containers/images/#image-names
# - https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier
# custom:
#   id: KS037
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Reference the image by digest, keeping the tag for readability:
#     `nginx:1.27.2@sha256:<digest>`; let a bot (Renovate, Dependabot) update it.
#   aliases: [CKV_K8S_43]
package shiplint.kubernetes.image_digest

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "image"]) if {
	some i, c in input.containers
	k8s.literal_image(c.image)
	lib.image_ref(c.image).digest == null
	msg := sprintf("%s uses image %q, which is not pinned by digest", [k8s.who(c), c.image])
}
