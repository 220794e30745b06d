# METADATA
# title: Credential written as a literal environment variable value
# description: >-
#   An environment variable whose name says it holds a credential (PASSWORD, TOKEN, API_KEY,
#   ...) with its value written in the manifest puts the secret in the repository, in the
#   object stored in etcd without Secret encryption, and in every `kubectl get -o yaml`.
#   High: the credential is exposed to anyone who can read the manifest.
# related_resources:
# - https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
# - https://docs.kubelinter.io/#/generated/checks?id=env-var-secret
# custom:
#   id: KS039
#   severity: high
#   applies_to: [workload]
#   remediation: >-
#     Move the value into a Secret (created outside the repository) and reference it with
#     `valueFrom.secretKeyRef`, or better mount the Secret as a file; rotate the exposed value.
#   aliases: [env-var-secret]
package shiplint.kubernetes.env_literal_secret

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "env", j, "value"]) if {
	some i, c in input.containers
	some j, e in c.env
	is_string(e.name)
	k8s.credential(e.name, object.get(e, "value", null))
	msg := sprintf("%s sets %s to a literal value in the manifest", [k8s.who(c), e.name])
}
