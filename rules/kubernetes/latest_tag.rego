# METADATA
# title: Image uses the latest tag or no tag
# description: >-
#   An image without a tag means `:latest`, which points at whatever was pushed last: nodes
#   run different code after a reschedule, a rollback cannot return to the old version, and
#   a compromised push is deployed silently. Medium: the deployed code is not reproducible or
#   reviewable. Images written as unrendered template variables are skipped.
# related_resources:
# - https://kubernetes.io/docs/concepts/containers/images/#image-names
# - https://kubernetes.io/docs/concepts/configuration/overview/#container-images
# custom:
#   id: KS035
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Reference a specific version tag (`nginx:1.27.2`), or better a digest
#     (`nginx@sha256:...`), and update it deliberately.
#   aliases: [KSV013, AVD-KSV-0013, CKV_K8S_14, latest-tag]
package shiplint.kubernetes.latest_tag

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "image"]) if {
	some i, c in input.containers
	k8s.literal_image(c.image)
	lib.is_mutable_tag(c.image)
	msg := describe(c)
}

describe(c) := sprintf("%s uses image %q without a tag (implicitly :latest)", [k8s.who(c), c.image]) if {
	lib.image_ref(c.image).tag == null
} else := sprintf("%s uses image %q with the mutable latest tag", [k8s.who(c), c.image])
