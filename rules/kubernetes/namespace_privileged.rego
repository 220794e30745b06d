# METADATA
# title: Namespace enforces the privileged Pod Security level
# description: >-
#   `pod-security.kubernetes.io/enforce: privileged` explicitly turns Pod Security Admission
#   off for the namespace: privileged containers, host namespaces and hostPath volumes are all
#   admitted. Keep it for the few system namespaces that need it. Low: often deliberate, but
#   worth a review.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-admission/
# custom:
#   id: KS064
#   severity: low
#   applies_to: [Namespace]
#   remediation: >-
#     Use `baseline` or `restricted`; move the workloads that need host access into a
#     dedicated, tightly controlled namespace.
package shiplint.kubernetes.namespace_privileged

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

key := "pod-security.kubernetes.io/enforce"

deny contains lib.finding(msg, ["resource", "metadata", "labels", key]) if {
	input.resourceKind == "Namespace"
	lower(input.resource.metadata.labels[key]) == "privileged"
	msg := sprintf("%s enforces the privileged Pod Security level (no restrictions)", [k8s.resource])
}
