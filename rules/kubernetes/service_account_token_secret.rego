# METADATA
# title: Long-lived service account token Secret
# description: >-
#   A Secret of type `kubernetes.io/service-account-token` makes the control plane issue a
#   token for the account that never expires and is not bound to a pod; anyone who can read
#   the Secret (or a backup of it) has the account's permissions until the Secret is deleted.
#   Low: the token itself is not in the manifest.
# related_resources:
# - https://kubernetes.io/docs/concepts/configuration/secret/#serviceaccount-token-secrets
# - https://kubernetes.io/docs/concepts/security/service-accounts/#get-a-token
# custom:
#   id: KS070
#   severity: low
#   applies_to: [Secret]
#   remediation: >-
#     Use short-lived tokens instead: projected service account token volumes in pods, or
#     `kubectl create token` / the TokenRequest API for external clients.
package shiplint.kubernetes.service_account_token_secret

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "type"]) if {
	input.resourceKind == "Secret"
	input.resource.type == "kubernetes.io/service-account-token"
	msg := sprintf("%s requests a long-lived token for service account %q", [k8s.resource, object.get(input.resource, ["metadata", "annotations", "kubernetes.io/service-account.name"], "")])
}
