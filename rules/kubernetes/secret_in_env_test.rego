package shiplint.kubernetes.secret_in_env_test

import data.shiplint.kubernetes.secret_in_env

doc(c) := {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": [object.union({"name": "a", "containerType": "container"}, c)]}

test_fires if {
	secret_in_env.deny == {
		{"msg": "container \"a\" of Pod \"p\" reads Secret \"db\" into environment variable PW", "path": ["containers", 0, "env", 0, "valueFrom", "secretKeyRef"]},
		{"msg": "container \"a\" of Pod \"p\" loads every key of Secret \"all\" into its environment", "path": ["containers", 0, "envFrom", 1, "secretRef"]},
	} with input as doc({"env": [{"name": "PW", "valueFrom": {"secretKeyRef": {"name": "db", "key": "pw"}}}], "envFrom": [{"configMapRef": {"name": "c"}}, {"secretRef": {"name": "all"}}]})
}

test_quiet if {
	count(secret_in_env.deny) == 0 with input as doc({"env": [{"name": "X", "valueFrom": {"configMapKeyRef": {"name": "c", "key": "x"}}}, {"name": "Y", "value": "1"}]})
}
