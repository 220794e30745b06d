package shiplint.kubernetes.latest_tag_test

import data.shiplint.kubernetes.latest_tag

doc(cs) := {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": cs}

c(img) := {"name": "a", "containerType": "container", "image": img}

test_fires if {
	latest_tag.deny == {{"msg": "container \"a\" of Pod \"p\" uses image \"nginx\" without a tag (implicitly :latest)", "path": ["containers", 0, "image"]}} with input as doc([c("nginx")])
	latest_tag.deny == {{"msg": "container \"a\" of Pod \"p\" uses image \"registry:5000/app:latest\" with the mutable latest tag", "path": ["containers", 0, "image"]}} with input as doc([c("registry:5000/app:latest")])
}

test_quiet if {
	count(latest_tag.deny) == 0 with input as doc([c("nginx:1.27"), c("nginx@sha256:0123"), c("$(IMAGE)"), c("${IMAGE}"), c("")])
}
