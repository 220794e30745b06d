package shiplint.kubernetes.image_digest_test

import data.shiplint.kubernetes.image_digest

doc(cs) := {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": cs}

test_fires if {
	image_digest.deny == {{"msg": "container \"a\" of Pod \"p\" uses image \"nginx:1.27\", which is not pinned by digest", "path": ["containers", 0, "image"]}} with input as doc([{"name": "a", "containerType": "container", "image": "nginx:1.27"}])
}

test_quiet if {
	count(image_digest.deny) == 0 with input as doc([{"name": "a", "containerType": "container", "image": "nginx:1.27@sha256:abcd"}, {"name": "b", "containerType": "container", "image": "{{ .Values.image }}"}])
}
