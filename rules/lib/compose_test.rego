package shiplint.lib.compose_test

import data.shiplint.lib.compose

test_clean_path if {
	compose.clean_path("//var/run/") == "/var/run"
	compose.clean_path("/") == "/"
	compose.clean_path("/./etc") == "/etc"
}

test_security_opts if {
	compose.security_opts({"security_opt": ["seccomp:unconfined", "Label=disable", "no-new-privileges", " apparmor = unconfined "]}) == [
		[0, "seccomp", "unconfined"],
		[1, "label", "disable"],
		[2, "no-new-privileges", ""],
		[3, "apparmor", "unconfined"],
	]
}

test_port_range if {
	compose.port_range("5432") == [5432, 5432]
	compose.port_range("8000-8010") == [8000, 8010]
	not compose.port_range("${PORT}")
}

test_provenance if {
	compose.provenance(["services", "a", "environment", "X"]) == " (taken from the .env file)" with input as {"interpolations": [{"path": ["services", "a", "environment", "X"], "variables": [{"name": "X", "source": "env_file"}]}]}
	compose.provenance(["services", "a", "environment", "Y"]) == "" with input as {"interpolations": []}
}

test_secret_literal if {
	compose.secret_literal("POSTGRES_PASSWORD", "hunter2")
	compose.secret_literal("DB_CREDENTIALS", "user:pw")
	compose.secret_literal("AWS_CREDENTIALS_AWS_SECRET_ACCESS_KEY", "abc123")
	not compose.secret_literal("AWS_CREDENTIALS_AWS_REGION", "us-east-1")
	not compose.secret_literal("PEERDB_AWS_CREDENTIALS_AWS_ENDPOINT_URL_S3", "http://minio:9000")
	not compose.secret_literal("KAFKA_SSL_KEYSTORE_CREDENTIALS", "kafka_keystore_creds")
	not compose.secret_literal("API_TOKEN", "https://vault:8200/v1")
	compose.secret_literal("API_TOKEN", "https://user:pw@host")
}
