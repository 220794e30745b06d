package shiplint.kubernetes.trusted_image_registry_test

import data.shiplint.kubernetes.trusted_image_registry

doc(images) := {"resourceKind": "Deployment", "name": "web", "containers": [{"name": sprintf("c%d", [i]), "containerType": "container", "image": img} | some i, img in images]}

params := {"KS071": {"registries": ["registry.example.com"]}}

test_quiet_without_configuration if {
	count(trusted_image_registry.deny) == 0 with input as doc(["nginx:1.27"])
}

test_untrusted_fires_on_image if {
	trusted_image_registry.deny == {{
		"msg": "container \"c0\" of Deployment \"web\" uses \"nginx:1.27\", which is not from a trusted registry (registry.example.com)",
		"path": ["containers", 0, "image"],
	}} with input as doc(["nginx:1.27", "registry.example.com/web:1"]) with data.shiplint_config.params as params
}

test_templated_image_quiet if {
	count(trusted_image_registry.deny) == 0 with input as doc(["${REGISTRY}/web:1"]) with data.shiplint_config.params as params
}
