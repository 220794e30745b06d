package shiplint.kubernetes.trusted_registry_test

import data.shiplint.kubernetes.trusted_registry

pod(image) := {"containers": [{"name": "app", "containerType": "container", "image": image}]}

test_public_image_denied if {
	trusted_registry.deny == {{
		"msg": "container \"app\" uses image \"nginx:1.27\", which is not from registry.example.com",
		"path": ["containers", 0, "image"],
	}} with input as pod("nginx:1.27")
}

test_our_image_allowed if {
	count(trusted_registry.deny) == 0 with input as pod("registry.example.com/shop/web:1.4")
}

test_lookalike_host_denied if {
	count(trusted_registry.deny) == 1 with input as pod("registry.example.com.evil.io/web:1")
}

test_registries_from_config if {
	count(trusted_registry.deny) == 0 with input as pod("ghcr.io/example/web:1")
		with data.shiplint_config.params as {"ORG001": {"registries": ["ghcr.io/example"]}}
}
