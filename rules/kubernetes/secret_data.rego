# METADATA
# title: Secret manifest holds credentials in the repository
# description: >-
#   `data` is only base64-encoded, not encrypted: a Secret manifest with values committed to
#   the repository gives the credentials to everyone with read access to it, its forks and
#   its history. Values that are empty, placeholders or template references, PEM blocks with
#   no private key in them (certificates, DH parameters), and keys that hold the public half
#   of a credential (certificates, user names, client IDs, addresses) are not counted. Medium: severity depends on what the
#   credential unlocks; rotate it after removing it.
# related_resources:
# - https://kubernetes.io/docs/concepts/configuration/secret/
# - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# custom:
#   id: KS038
#   severity: medium
#   applies_to: [Secret]
#   remediation: >-
#     Remove the values from the repository and rotate them. Create the Secret at deploy
#     time from a secret manager (External Secrets Operator, Secrets Store CSI driver, Vault),
#     or commit it encrypted (Sealed Secrets, SOPS).
package shiplint.kubernetes.secret_data

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s
import data.shiplint.lib.secrets

# Keys that hold the public or identifying half of a credential, not a secret.
public_key(k) if regex.match(`(?i)(\.crt|\.cert|\.pub|^ca\.pem)$`, k)

public_key(k) if regex.match(`(?i)^(.*[_.-])?(user|username|user_?name|login|client_?id|url|uri|endpoint|address|host|hostname|port|database|db|db_?name|name|namespace|region|bucket|email)$`, k)

public_key(k) if regex.match(`(?i)^[a-z]*(user_?name|address|url|endpoint|host|name)$`, k)

decoded(v) := base64.decode(v) if {
	is_string(v)
	base64.is_valid(v)
} else := v

# keys(field) are the keys of data/stringData whose value is a literal credential.
keys(field) := sort([k |
	some k, v in input.resource[field]
	not public_key(k)
	secrets.secret_value(value(field, v))
])

value("data", v) := decoded(v)

value("stringData", v) := v

deny contains lib.finding(msg, ["resource", field]) if {
	input.resourceKind == "Secret"
	some field in ["data", "stringData"]
	is_object(input.resource[field])
	ks := keys(field)
	count(ks) > 0
	msg := sprintf("%s commits %s values for %s", [k8s.resource, field, k8s.names(ks)])
}
