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
