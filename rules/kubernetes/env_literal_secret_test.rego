package shiplint.kubernetes.env_literal_secret_test

import data.shiplint.kubernetes.env_literal_secret

doc(env) := {"resourceKind": "Pod", "name": "p", "podSpec": {}, "containers": [{"name": "a", "containerType": "container", "env": env}]}

test_fires if {
	env_literal_secret.deny == {{"msg": "container \"a\" of Pod \"p\" sets DB_PASSWORD to a literal value in the manifest", "path": ["containers", 0, "env", 1, "value"]}} with input as doc([{"name": "DB_USER", "value": "app"}, {"name": "DB_PASSWORD", "value": "s3cr3t-pa55"}])
}

test_quiet if {
	count(env_literal_secret.deny) == 0 with input as doc([
		{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
		{"name": "DB_PASSWORD_FILE", "value": "/run/secrets/db"},
		{"name": "API_TOKEN", "value": "$(TOKEN_FROM_ENV)"},
		{"name": "SECRET", "value": ""},
	])
}

test_not_credentials_quiet if {
	count(env_literal_secret.deny) == 0 with input as doc([
		{"name": "MAX_INPUT_TOKENS", "value": "2048"},
		{"name": "MYSQL_ALLOW_EMPTY_PASSWORD", "value": "1"},
		{"name": "GOOGLE_APPLICATION_CREDENTIALS", "value": "/var/secrets/google/key.json"},
		{"name": "HF_TOKEN", "value": "HF_TOKEN"},
		{"name": "GOOGLE_API_KEY", "value": "GOOGLE_API_KEY_VAL"},
		{"name": "MYSQL_ROOT_PASSWORD", "value": "fake_password"},
	])
}
