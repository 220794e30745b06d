package shiplint.kubernetes.configmap_secret_test

import data.shiplint.kubernetes.configmap_secret

doc(d) := {"resourceKind": "ConfigMap", "name": "c", "resource": {"data": d}}

test_fires if {
	configmap_secret.deny == {{"msg": "ConfigMap \"c\" holds api_key as a literal value", "path": ["resource", "data", "api_key"]}} with input as doc({"api_key": "AKIA1234567890", "log_level": "debug"})
}

test_quiet if {
	count(configmap_secret.deny) == 0 with input as doc({"password_file": "/etc/app/pw", "token_ttl": "3600", "secret_name": "db", "password": ""})
	count(configmap_secret.deny) == 0 with input as {"resourceKind": "Secret", "name": "c", "resource": {"data": {"password": "x1"}}}
}
