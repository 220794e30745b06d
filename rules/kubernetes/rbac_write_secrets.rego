# METADATA
# title: Role can create or change Secrets
# description: >-
#   create, update or patch on `secrets` lets the subject replace the credentials, TLS keys and
#   configuration that workloads in scope trust (a database password, a webhook's serving
#   certificate, a registry pull secret), and `create` can mint a
#   `kubernetes.io/service-account-token` Secret for any service account of the namespace,
#   which the token controller fills with a long-lived token of that account. High. Rules
#   limited with `resourceNames` are not reported (they reach only the named Secrets, and
#   `create` cannot be limited that way, so such a rule grants no create). `delete` alone is
#   left out: it disrupts but does not hand over a credential. A `"*"` verb is left to KS043
#   (wildcard verbs), and KS046 reports it as read access, so one rule entry is not reported
#   three times; `resources: ["*"]` is left to KS044 (wildcard resources).
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/concepts/configuration/secret/#serviceaccount-token-secrets
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS072
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Remove create, update and patch on `secrets`, or limit update and patch to the Secrets
#     the subject owns with `resourceNames`; let a secrets manager or the deploy pipeline write
#     Secrets instead of an in-cluster account.
#   aliases: [KSV041, AVD-KSV-0041, KSV113, AVD-KSV-0113]
package shiplint.kubernetes.rbac_write_secrets

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create", "update", "patch"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	not "*" in r.verbs # KS043 and KS046 already report this entry
	ks := k8s.named(r, {""}, {"secrets"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	not limited(r)
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants write access (%s) to Secrets", [k8s.resource, j, granted])
}

# A rule limited to named objects grants access to those only.
limited(r) if count(object.get(r, "resourceNames", [])) > 0
