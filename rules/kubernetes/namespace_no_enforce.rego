# METADATA
# title: Namespace has no Pod Security Admission enforce label
# description: >-
#   Without a `pod-security.kubernetes.io/enforce` label, Pod Security Admission applies only
#   the cluster's default (privileged, i.e. nothing, unless configured), so privileged,
#   host-namespace and hostPath pods are admitted to the namespace. Low: the cluster may have
#   another admission controller or a default configured.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-admission/
# - https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/
# custom:
#   id: KS063
#   severity: low
#   applies_to: [Namespace]
#   remediation: >-
#     Label the namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline`),
#     with `pod-security.kubernetes.io/enforce-version: latest` or a pinned version.
package shiplint.kubernetes.namespace_no_enforce

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "metadata", "labels"]) if {
	input.resourceKind == "Namespace"
	object.get(input.resource, ["metadata", "labels", "pod-security.kubernetes.io/enforce"], "") == ""
	msg := sprintf("%s has no pod-security.kubernetes.io/enforce label", [k8s.resource])
}
