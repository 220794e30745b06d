# METADATA
# title: Encryption configuration leaves Secrets unencrypted at rest
# description: >-
#   The API server encrypts a resource with the first provider of the first `resources`
#   entry that names it. When that provider is `identity`, or no entry names Secrets
#   (`secrets`, `*.` or `*.*`), Secrets are written to etcd in plain text: anyone with a
#   copy of etcd's data directory, a backup or a snapshot reads every Secret of the cluster.
#   Medium (identity first is also how a decryption migration starts: finish it, then remove
#   the config or put a real provider first). Reported at the provider, or at `resources`.
# related_resources:
# - https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/
# - https://kubernetes.io/docs/reference/config-api/apiserver-config.v1/#apiserver-config-k8s-io-v1-EncryptionConfiguration
# custom:
#   id: KS125
#   severity: medium
#   applies_to: [EncryptionConfiguration, EncryptionConfig]
#   frameworks: {cis-k8s: "1.2.28"}
#   remediation: >-
#     Put an encrypting provider first for `secrets`: `kms` (v2) with an external key manager,
#     or `secretbox`/`aesgcm`/`aescbc` with a generated 32-byte key, keeping `identity: {}` only
#     after it to read data written before encryption was enabled.
package shiplint.kubernetes.encryption_secrets_unencrypted

import data.shiplint.lib

config if {
	input.resourceKind == "EncryptionConfiguration"
	startswith(input.apiVersion, "apiserver.config.k8s.io/")
}

# The configuration's name before Kubernetes 1.13.
config if {
	input.resourceKind == "EncryptionConfig"
	input.apiVersion in {"v1", "apiserver.k8s.io/v1"}
}

covers_secrets(r) if {
	some name in r.resources
	name in {"secrets", "secrets.", "*.", "*.*"}
}

# first is the index of the entry that governs Secrets.
first := min({i | some i, r in input.resource.resources; covers_secrets(r)})

deny contains lib.finding(msg, ["resource", "resources", first, "providers", 0]) if {
	config
	p := input.resource.resources[first].providers[0]
	is_object(p)
	object.keys(p) == {"identity"}
	msg := sprintf("%s stores Secrets unencrypted in etcd: the first provider for %s is identity", [who, names(input.resource.resources[first])])
}

deny contains lib.finding(msg, ["resource", "resources"]) if {
	config
	is_array(input.resource.resources)
	not first
	msg := sprintf("%s stores Secrets unencrypted in etcd: no resources entry lists secrets", [who])
}

names(r) := concat(", ", [sprintf("%v", [n]) | some n in r.resources])

who := sprintf("%s %q", [input.resourceKind, input.name]) if is_string(input.name)

else := input.resourceKind
