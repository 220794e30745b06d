package shiplint.dockerfile.trusted_base_registry_test

import data.shiplint.dockerfile.trusted_base_registry

stage(i, ref) := {"index": i, "from": {"stage": null, "scratch": false, "resolved": true, "ref": ref}}

params := {"DF052": {"registries": ["registry.example.com", "docker.io/library"]}}

test_quiet_without_configuration if {
	count(trusted_base_registry.deny) == 0 with input as {"stages": [stage(0, "evil.io/app:1")]}
}

test_untrusted_fires if {
	trusted_base_registry.deny == {{
		"msg": "Base image \"evil.io/app:1\" (evil.io/app) is not from a trusted registry (registry.example.com, docker.io/library)",
		"path": ["stages", 0, "from"],
	}} with input as {"stages": [stage(0, "evil.io/app:1")]} with data.shiplint_config.params as params
}

test_trusted_and_official_quiet if {
	count(trusted_base_registry.deny) == 0 with input as {"stages": [stage(0, "registry.example.com/base/go:1.22"), stage(1, "alpine:3.20")]}
		with data.shiplint_config.params as params
}

test_hub_org_image_fires if {
	count(trusted_base_registry.deny) == 1 with input as {"stages": [stage(0, "someone/alpine:3.20")]} with data.shiplint_config.params as params
}
