# METADATA
# title: Secret exposed through environment variables
# description: >-
#   Secrets passed as environment variables (`secretKeyRef`, `envFrom.secretRef`) are visible
#   to every process in the container and its children, end up in crash dumps, debug
#   endpoints and logs that print the environment, and are not updated when the Secret
#   rotates. Mounting the Secret as a file avoids all of this. Low: the secret is still
#   managed properly.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# - https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod
# custom:
#   id: KS041
#   severity: low
#   applies_to: [workload]
#   remediation: >-
#     Mount the Secret as a volume (`secret:` volume with `readOnly: true`) and have the
#     application read the file, for example via a `*_FILE` variable.
#   frameworks: {cis-k8s: "5.4.1"}
#   aliases: [CKV_K8S_35, read-secret-from-env-var]
package shiplint.kubernetes.secret_in_env

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "env", j, "valueFrom", "secretKeyRef"]) if {
	some i, c in input.containers
	some j, e in c.env
	ref := e.valueFrom.secretKeyRef
	is_object(ref)
	msg := sprintf("%s reads Secret %q into environment variable %s", [k8s.who(c), object.get(ref, "name", ""), e.name])
}

deny contains lib.finding(msg, ["containers", i, "envFrom", j, "secretRef"]) if {
	some i, c in input.containers
	some j, e in c.envFrom
	ref := e.secretRef
	is_object(ref)
	msg := sprintf("%s loads every key of Secret %q into its environment", [k8s.who(c), object.get(ref, "name", "")])
}
