# METADATA
# title: AppArmor confinement is disabled or overridden
# description: >-
#   Containers on AppArmor-enabled nodes run under the runtime's default profile, which blocks
#   writes to /proc and /sys and mounts. Setting the profile to Unconfined (through the
#   `appArmorProfile` field at pod or container level, or the older
#   `container.apparmor.security.beta.kubernetes.io/<container>` annotation) removes that layer.
#   The Baseline Pod Security Standard allows only RuntimeDefault and Localhost profiles (or
#   none). Medium: one mandatory access control layer is lost.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/tutorials/security/apparmor/
# custom:
#   id: KS010
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Remove the Unconfined profile, or set `securityContext.appArmorProfile.type: RuntimeDefault`
#     (or `Localhost` with `localhostProfile`). Replace the deprecated annotation with the field.
#   frameworks: {pss: baseline}
#   aliases: [KSV002, AVD-KSV-0002]
package shiplint.kubernetes.apparmor

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

allowed_types := {"", "RuntimeDefault", "Localhost"}

annotation_prefix := "container.apparmor.security.beta.kubernetes.io/"

deny contains lib.finding_fix(msg, ["podSpec", "securityContext", "appArmorProfile", "type"], lib.fix_set("Set appArmorProfile.type: RuntimeDefault", ["podSpec", "securityContext", "appArmorProfile", "type"], "RuntimeDefault")) if {
	t := k8s.pod_sc.appArmorProfile.type
	t != null
	not t in allowed_types
	msg := sprintf("%s sets appArmorProfile type %v in the pod securityContext; only RuntimeDefault or Localhost is allowed", [k8s.resource, t])
}

deny contains lib.finding_fix(msg, ["containers", i, "securityContext", "appArmorProfile", "type"], lib.fix_set("Set appArmorProfile.type: RuntimeDefault", ["containers", i, "securityContext", "appArmorProfile", "type"], "RuntimeDefault")) if {
	some i, c in input.containers
	t := k8s.sc(c).appArmorProfile.type
	t != null
	not t in allowed_types
	msg := sprintf("%s sets appArmorProfile type %v; only RuntimeDefault or Localhost is allowed", [k8s.who(c), t])
}

deny contains lib.finding(msg, ["podMetadata", "annotations", key]) if {
	some key, v in input.podMetadata.annotations
	startswith(key, annotation_prefix)
	is_string(v)
	v != ""
	v != "runtime/default"
	not startswith(v, "localhost/")
	msg := sprintf("%s sets AppArmor profile %q for container %q through annotation; only runtime/default or localhost/<profile> is allowed", [k8s.resource, v, substring(key, count(annotation_prefix), -1)])
}
