package shiplint.kubernetes.encryption_secrets_unencrypted_test

import data.shiplint.kubernetes.encryption_secrets_unencrypted as rule

cfg(resources) := {"apiVersion": "apiserver.config.k8s.io/v1", "resourceKind": "EncryptionConfiguration", "name": null, "resource": {"resources": resources}}

test_identity_first if {
	rule.deny == {{"msg": "EncryptionConfiguration stores Secrets unencrypted in etcd: the first provider for secrets, configmaps is identity", "path": ["resource", "resources", 0, "providers", 0]}} with input as cfg([{"resources": ["secrets", "configmaps"], "providers": [{"identity": {}}, {"aescbc": {"keys": [{"name": "k", "secret": "c2VjcmV0"}]}}]}])
}

test_wildcard_entry_governs if {
	rule.deny == {{"msg": "EncryptionConfiguration stores Secrets unencrypted in etcd: the first provider for *.* is identity", "path": ["resource", "resources", 1, "providers", 0]}} with input as cfg([{"resources": ["events"], "providers": [{"identity": {}}]}, {"resources": ["*.*"], "providers": [{"identity": {}}]}])
}

test_no_entry_for_secrets if {
	rule.deny == {{"msg": "EncryptionConfiguration stores Secrets unencrypted in etcd: no resources entry lists secrets", "path": ["resource", "resources"]}} with input as cfg([{"resources": ["configmaps"], "providers": [{"aesgcm": {}}]}])
}

test_encrypted_quiet if {
	count(rule.deny) == 0 with input as cfg([{"resources": ["secrets"], "providers": [{"kms": {"apiVersion": "v2", "name": "k"}}, {"identity": {}}]}])
	count(rule.deny) == 0 with input as cfg([{"resources": ["secrets"], "providers": [{"secretbox": {}}]}, {"resources": ["*.*"], "providers": [{"identity": {}}]}])
}

test_legacy_kind if {
	count(rule.deny) == 1 with input as {"apiVersion": "v1", "resourceKind": "EncryptionConfig", "name": null, "resource": {"resources": [{"resources": ["secrets"], "providers": [{"identity": {}}]}]}}
}

test_other_kind_quiet if {
	count(rule.deny) == 0 with input as object.union(cfg([{"resources": ["secrets"], "providers": [{"identity": {}}]}]), {"apiVersion": "example.com/v1"})
}
