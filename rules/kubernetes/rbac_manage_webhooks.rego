# METADATA
# title: Role can create or change admission webhooks
# description: >-
#   A mutating or validating webhook configuration decides which service sees, and may
#   rewrite, every object sent to the API server, including Secrets and pod specs. Write
#   access to these configurations is a cluster takeover path. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS054
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Reserve write access to MutatingWebhookConfiguration and ValidatingWebhookConfiguration
#     for cluster administrators and the installer of the webhook; use `resourceNames` for an
#     operator that manages its own.
#   frameworks: {cis-k8s: "5.1.12"}
#   aliases: [C-0281]
package shiplint.kubernetes.rbac_manage_webhooks

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create", "update", "patch", "delete", "deletecollection"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {"admissionregistration.k8s.io"}, {"mutatingwebhookconfigurations", "validatingwebhookconfigurations"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	not limited(r)
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on admission webhook configurations", [k8s.resource, j, granted])
}

# A rule limited to named objects grants access to those only.
limited(r) if count(object.get(r, "resourceNames", [])) > 0
