package shiplint.lib.secrets_test

import data.shiplint.lib.secrets

test_secret_names if {
	secrets.secret_name("DB_PASSWORD")
	secrets.secret_name("password")
	secrets.secret_name("MYSQL_ROOT_PASSWORD")
	secrets.secret_name("GITHUB_TOKEN")
	secrets.secret_name("api-key")
	secrets.secret_name("AWS_SECRET_ACCESS_KEY")
	secrets.secret_name("stripe.secretKey")
}

test_not_secret_names if {
	not secrets.secret_name("DB_PASSWORD_FILE")
	not secrets.secret_name("PASSWORD_MIN_LENGTH")
	not secrets.secret_name("TOKEN_TTL")
	not secrets.secret_name("AWS_ACCESS_KEY_ID")
	not secrets.secret_name("SECRET_NAME")
	not secrets.secret_name("DB_USER")
	not secrets.secret_name("PATH")
	not secrets.secret_name("BYPASS_CACHE")
	not secrets.secret_name("COMPASS_URL")
}

test_literals if {
	secrets.literal("s3cr3t-Pa55")
	secrets.literal("hunter2")
	secrets.literal(12345678)
}

test_not_literals if {
	not secrets.literal("${DB_PASSWORD}")
	not secrets.literal("$DB_PASSWORD")
	not secrets.literal("/run/secrets/db")
	not secrets.literal("")
	not secrets.literal("changeme")
	not secrets.literal("<your-token>")
	not secrets.literal("your_api_key_here")
	not secrets.literal("xxxxxxxx")
	not secrets.literal("****")
	not secrets.literal("{{ .Values.password }}")
	not secrets.literal(null)
	not secrets.literal(true)
	not secrets.literal("false")
}

test_credentials if {
	secrets.credential("DB_PASSWORD", "hunter2")
	secrets.credential("POSTGRES_PASSWORD", "postgres")
	secrets.credential("API_TOKEN", "ghp_abcdefghijklmnop")
}

test_not_credentials if {
	not secrets.credential("MAX_INPUT_TOKENS", "2048")
	not secrets.credential("MYSQL_ALLOW_EMPTY_PASSWORD", "1")
	not secrets.credential("GOOGLE_APPLICATION_CREDENTIALS", "/var/secrets/google/key.json")
	not secrets.credential("HF_TOKEN", "HF_TOKEN")
	not secrets.credential("DB_PASSWORD", "fake_password")
	not secrets.credential("AWS_CREDENTIALS_AWS_REGION", "eu-west-1")
	not secrets.credential("KAFKA_SSL_KEYSTORE_CREDENTIALS", "kafka_keystore_creds")
	not secrets.credential("S3_SECRET_ENDPOINT", "http://minio:9000")
	not secrets.credential("DB_PASSWORD", "${DB_PASSWORD}")
}

test_team_patterns if {
	secrets.secret_name("VAULT_UNSEAL") with data.shiplint_config.params as {"secrets": {"names": ["(^|_)vault_unseal"]}}
	not secrets.secret_name("VAULT_UNSEAL")
	not secrets.secret_name("APP_TOKEN_TTL_SECONDS") with data.shiplint_config.params as {"secrets": {"ignore_names": ["^app_token_ttl"]}}
	secrets.secret_name("APP_TOKEN_TTL_SECONDS")
}

test_name_regex_is_name_patterns if {
	secrets.name_regex == concat("|", [sprintf("(?:%s)", [p]) | some p in secrets.name_patterns])
}
