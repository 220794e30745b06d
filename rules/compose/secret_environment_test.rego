package shiplint.compose.secret_environment_test

import data.shiplint.compose.secret_environment

test_literal_fires if {
	secret_environment.deny == {
		{"msg": "Service \"db\" sets POSTGRES_PASSWORD to a literal secret", "path": ["services", "db", "environment", "POSTGRES_PASSWORD"]},
		{"msg": "Service \"db\" sets API_TOKEN to a literal secret (taken from the .env file)", "path": ["services", "db", "environment", "API_TOKEN"]},
	} with input as {
		"services": {"db": {"environment": {
			"POSTGRES_PASSWORD": "hunter2", "API_TOKEN": "tok-123", "POSTGRES_PASSWORD_FILE": "/run/secrets/pw",
			"DB_PASSWORD": "${DB_PASSWORD}", "POSTGRES_USER": "app", "SECRET_KEY": "changeme", "EMPTY_PASSWORD": null,
		}}},
		"interpolations": [{"path": ["services", "db", "environment", "API_TOKEN"], "variables": [{"name": "T", "source": "env_file", "value": "tok-123"}]}],
	}
}
