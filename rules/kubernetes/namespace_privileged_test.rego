package shiplint.kubernetes.namespace_privileged_test

import data.shiplint.kubernetes.namespace_privileged

doc(labels) := {"resourceKind": "Namespace", "name": "n", "resource": {"metadata": {"labels": labels}}}

test_fires if {
	namespace_privileged.deny == {{"msg": "Namespace \"n\" enforces the privileged Pod Security level (no restrictions)", "path": ["resource", "metadata", "labels", "pod-security.kubernetes.io/enforce"]}} with input as doc({"pod-security.kubernetes.io/enforce": "privileged"})
}

test_quiet if {
	count(namespace_privileged.deny) == 0 with input as doc({"pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "privileged"})
}
