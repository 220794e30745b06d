# METADATA
# title: Mutable image tag without imagePullPolicy Always
# description: >-
#   For `:latest` or untagged images Kubernetes defaults `imagePullPolicy` to Always; setting
#   IfNotPresent or Never instead makes each node run whatever version it cached first, so the
#   same manifest runs different code on different nodes and a fixed image never arrives.
#   Low: a consistency and patching problem.
# related_resources:
# - https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy
# custom:
#   id: KS036
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Pin the image to a version tag or digest, or remove `imagePullPolicy` (or set it to
#     `Always`) while the tag is mutable.
#   aliases: [CKV_K8S_15, C-0075]
package shiplint.kubernetes.image_pull_policy

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding_fix(msg, ["containers", i, "imagePullPolicy"], lib.fix_set("Set imagePullPolicy: Always", ["containers", i, "imagePullPolicy"], "Always")) if {
	some i, c in input.containers
	k8s.literal_image(c.image)
	lib.is_mutable_tag(c.image)
	c.imagePullPolicy in {"IfNotPresent", "Never"}
	msg := sprintf("%s uses mutable image %q with imagePullPolicy %s", [k8s.who(c), c.image, c.imagePullPolicy])
}
