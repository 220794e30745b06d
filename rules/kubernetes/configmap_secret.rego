# METADATA
# title: ConfigMap holds a credential
# description: >-
#   ConfigMaps are meant for non-confidential configuration: they are readable by anyone with
#   `get configmaps` in the namespace, never encrypted at rest, and shown in plain text by
#   tooling. A key named like a credential with a literal value puts the secret there and in
#   the repository. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/configuration/configmap/
# - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# custom:
#   id: KS040
#   severity: high
#   applies_to: [ConfigMap]
#   remediation: >-
#     Move the value into a Secret created outside the repository (or from a secret manager)
#     and reference that Secret from the pod; rotate the exposed value.
package shiplint.kubernetes.configmap_secret

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["resource", "data", key]) if {
	input.resourceKind == "ConfigMap"
	some key, v in input.resource.data
	k8s.credential(key, v)
	msg := sprintf("%s holds %s as a literal value", [k8s.resource, key])
}
