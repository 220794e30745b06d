package shiplint.lib_test

import data.shiplint.lib

test_image_ref_full if {
	lib.image_ref("registry:5000/org/app:1.2@sha256:ab") == {"repository": "registry:5000/org/app", "tag": "1.2", "digest": "sha256:ab"}
}

test_image_ref_port_is_not_tag if {
	lib.image_ref("registry:5000/app") == {"repository": "registry:5000/app", "tag": null, "digest": null}
}

test_image_ref_plain if {
	lib.image_ref("nginx") == {"repository": "nginx", "tag": null, "digest": null}
}

test_mutable if {
	lib.is_mutable_tag("nginx")
	lib.is_mutable_tag("nginx:latest")
	not lib.is_mutable_tag("nginx:1.27")
	not lib.is_mutable_tag("nginx@sha256:ab")
	not lib.is_mutable_tag("nginx:latest@sha256:ab")
}

test_basename if {
	lib.basename("/usr/bin/bash") == "bash"
	lib.basename("sh") == "sh"
}

test_param_default if {
	lib.param("KS999", "allowed", ["A"]) == ["A"]
}

test_param_configured if {
	lib.param("KS999", "allowed", ["A"]) == ["B"] with data.shiplint_config.params as {"KS999": {"allowed": ["B"]}}
}

test_image_full if {
	lib.image_full("nginx:1.27") == "docker.io/library/nginx"
	lib.image_full("org/app") == "docker.io/org/app"
	lib.image_full("ghcr.io/org/app:1@sha256:ab") == "ghcr.io/org/app"
	lib.image_full("localhost/app") == "localhost/app"
	lib.image_full("registry:5000/app") == "registry:5000/app"
}

test_image_from if {
	lib.image_from("nginx", ["docker.io/library"])
	lib.image_from("registry.example.com/base/go:1", ["registry.example.com"])
	not lib.image_from("registry.example.com.evil.io/x", ["registry.example.com"])
	not lib.image_from("ghcr.io/other/app", ["ghcr.io/org"])
}
