package shiplint.lib.secrets_test

import data.shiplint.lib.secrets

test_normalize if {
	secrets.normalize("DB_PASSWORD") == "db_password"
	secrets.normalize("stripe.secretKey") == "stripe_secret_key"
	secrets.normalize("MySQLRootPassword") == "my_sql_root_password"
	secrets.normalize("api-key ") == "api_key"
	secrets.normalize("__TOKEN__") == "token"
}

# The name says it holds a credential: a credential word with nothing, a
# qualifier or one other word after the last one.
test_secret_names if {
	secrets.secret_name("DB_PASSWORD")
	secrets.secret_name("password")
	secrets.secret_name("MYSQL_ROOT_PASSWORD")
	secrets.secret_name("GITHUB_TOKEN")
	secrets.secret_name("api-key")
	secrets.secret_name("AWS_SECRET_ACCESS_KEY")
	secrets.secret_name("stripe.secretKey")
	secrets.secret_name("dbPassword")
	secrets.secret_name("MYSQLPASSWORD")
	secrets.secret_name("DB_PASS")
	secrets.secret_name("DB_PWD")
	secrets.secret_name("DB_PASSWD")
	secrets.secret_name("PASSWORD2")
	secrets.secret_name("SECRET_KEY_BASE")
	secrets.secret_name("DB_PASSWORD_PROD")
	secrets.secret_name("API_TOKEN_V2")
	secrets.secret_name("PASSWORD_ROOT")
	secrets.secret_name("NGC_API_KEY")
	secrets.secret_name("NEW_RELIC_LICENSE_KEY")
	secrets.secret_name("APP_KEY")
	secrets.secret_name("SPANNER_CONNECTION_STRING")
	secrets.secret_name("SENTRY_DSN")
	secrets.secret_name("DB_CREDENTIALS")
	secrets.secret_name("GOOGLE_APPLICATION_CREDENTIALS_JSON")
	secrets.secret_name("GITHUB_PAT")
	secrets.secret_name("SLACK_WEBHOOK")
	secrets.secret_name("KAFKA_SSL_KEYSTORE_PASSWORD")
	secrets.secret_name("MINIO_ROOT_PASSWORD")
	secrets.secret_name("PRIVATE_KEY")
}

# Hemmelig uses SECRET_ as its prefix: the words after it decide.
test_prefix_secret_names if {
	secrets.secret_name("SECRET_MASTER_KEY")
	secrets.secret_name("SECRET_JWT_SECRET")
	secrets.secret_name("SECRET_ROOT_PASSWORD")
	secrets.secret_name("SECRET_DO_SPACES_KEY")
	secrets.secret_name("SECRET_DO_SPACES_SECRET")
	not secrets.secret_name("SECRET_PORT")
	not secrets.secret_name("SECRET_HOST")
	not secrets.secret_name("SECRET_LOCAL_HOSTNAME")
	not secrets.secret_name("SECRET_ROOT_USER")
	not secrets.secret_name("SECRET_ROOT_EMAIL")
	not secrets.secret_name("SECRET_FILE_SIZE")
	not secrets.secret_name("SECRET_MAX_TEXT_SIZE")
	not secrets.secret_name("SECRET_FORCED_LANGUAGE")
	not secrets.secret_name("SECRET_ENABLE_FILE_UPLOAD")
	not secrets.secret_name("SECRET_DISABLE_USERS")
	not secrets.secret_name("SECRET_REDIS_TLS")
	not secrets.secret_name("SECRET_REDIS_PORT")
	not secrets.secret_name("SECRET_DO_SPACES_ENDPOINT")
	not secrets.secret_name("SECRET_DO_SPACES_BUCKET")
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
	not secrets.secret_name("MAX_INPUT_TOKENS")
	not secrets.secret_name("TOKENIZER_MODEL")
	not secrets.secret_name("PASSWORDLESS_LOGIN")
	not secrets.secret_name("JWT_PUBLIC_KEY")
	not secrets.secret_name("public_key")
	not secrets.secret_name("SECRETS")
	not secrets.secret_name("NO_PASSWORD")
	not secrets.secret_name("ACCESS_TOKEN_EXPIRE_MINUTES")
	not secrets.secret_name("PASSWORD_RESET_TIMEOUT")
	not secrets.secret_name("TOKEN_ENDPOINT_AUTH_METHOD")
	not secrets.secret_name("PRIVATE_KEY_PATH")
	not secrets.secret_name("SECRET_STORE")
	not secrets.secret_name("CACHE_KEY")
	not secrets.secret_name("SORT_KEY")
	not secrets.secret_name("PASS_THROUGH_HEADERS")
	not secrets.secret_name("passwd")
}

test_literals if {
	secrets.literal("s3cr3t-Pa55")
	secrets.literal("hunter2")
	secrets.literal(12345678)
	secrets.literal("sk_live_51HxYz")
	secrets.literal("AKIAQ3EGRTZK4NVX81LM")
}

# Values that only start with My or Some are values, not placeholders.
test_my_values_are_literals if {
	secrets.literal("MySecureRootDatabasePassword")
	secrets.literal("mysecretpassword")
	secrets.literal("my-s3cret")
	secrets.literal("SomeP@ss")
}

test_not_literals if {
	not secrets.literal("${DB_PASSWORD}")
	not secrets.literal("$DB_PASSWORD")
	not secrets.literal("/run/secrets/db")
	not secrets.literal("")
	not secrets.literal("   ")
	not secrets.literal("{{ .Values.password }}")
	not secrets.literal(null)
	not secrets.literal(true)
	not secrets.literal("false")
	not secrets.literal("password")
}

test_placeholder_brackets if {
	not secrets.literal("<your-token>")
	not secrets.literal("<PRIVKEY>")
	not secrets.literal("[password]")
	not secrets.literal("{PASSWORD}")
	not secrets.literal("__PASSWORD__")
	not secrets.literal("%DB_PASSWORD%")
}

test_placeholder_masks if {
	not secrets.literal("xxxxxxxx")
	not secrets.literal("****")
	not secrets.literal("XXX-XXX")
	not secrets.literal("xxxx-xxxx-xxxx")
	not secrets.literal("YYYYYYYY")
	not secrets.literal("...")
	not secrets.literal("00000000")
	not secrets.literal("sk-xxx-xxx")
	not secrets.literal("sk_live_xxxxxxxxxxxx")
	not secrets.literal("xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx")
	not secrets.literal("xoxb-xxxx…")
	not secrets.literal("ghp_XXXXXXXXXXXXXXXXXXXX")
	not secrets.literal("AKIAXXXXXXXXXXXXXXXX")
	not secrets.literal("nvapi-NVKEY")
}

test_placeholder_instructions if {
	not secrets.literal("your_api_key_here")
	not secrets.literal("your-password-here")
	not secrets.literal("YourPasswordHere")
	not secrets.literal("insert-token")
	not secrets.literal("sk-your-key")
	not secrets.literal("token-goes-here")
	not secrets.literal("... your DH parameters ...")
	not secrets.literal("changeme")
	not secrets.literal("changeme_admin")
	not secrets.literal("replace_me")
	not secrets.literal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	not secrets.literal("dummy")
}

test_placeholder_pem_private_key if {
	not secrets.literal("-----BEGIN PRIVATE KEY-----\n<PRIVKEY>\n-----END PRIVATE KEY-----\n")
	not secrets.literal("-----BEGIN RSA PRIVATE KEY-----\nMIIE....\n-----END RSA PRIVATE KEY-----")
	not secrets.literal("-----BEGIN PRIVATE KEY-----\n... your private key ...\n-----END PRIVATE KEY-----")
	not secrets.literal("-----BEGIN EC PRIVATE KEY-----\n-----END EC PRIVATE KEY-----")
	secrets.literal(concat("\n", ["-----BEGIN PRIVATE KEY-----", "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF", "-----END PRIVATE KEY-----"]))
	secrets.literal(concat("\n", ["-----BEGIN RSA PRIVATE KEY-----", "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,5E4E5E1E0F1C2D3B", "", "MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0", "-----END RSA PRIVATE KEY-----"]))
}

test_public_material if {
	secrets.public_material("-----BEGIN DH PARAMETERS-----\nMIIBCAKCAQEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz\n-----END DH PARAMETERS-----\n")
	secrets.public_material("-----BEGIN DH PARAMETERS-----\n... your DH parameters ...\n-----END DH PARAMETERS-----")
	secrets.public_material("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
	not secrets.public_material("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----")
	not secrets.public_material("hunter2")
	not secrets.secret_value("-----BEGIN DH PARAMETERS-----\nMIIBCAKCAQEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz\n-----END DH PARAMETERS-----\n")
	secrets.secret_value("hunter2")
}

test_credentials if {
	secrets.credential("DB_PASSWORD", "hunter2")
	secrets.credential("POSTGRES_PASSWORD", "postgres")
	secrets.credential("API_TOKEN", "ghp_abcdefghijklmnop")
	secrets.credential("MYSQL_ROOT_PASSWORD", "MySecureRootDatabasePassword")
	secrets.credential("MYSQL_ROOT_PASSWORD", 123456)
	secrets.credential("MYSQL_ROOT_PASSWORD", "123456")
	secrets.credential("SECRET_MASTER_KEY", "11111222223333344444555556666677")
	secrets.credential("SECRET_JWT_SECRET", "good_luck_have_fun")
	secrets.credential("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Rt1Lm3")
	secrets.credential("DATABASE_PASSWORD", "postgres://u:p@db/x")
	secrets.credential("WSREP_SST_PASSWORD", "sst")
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
	not secrets.credential("SECRET_PORT", "3000")
	not secrets.credential("SECRET_PORT", 3000)
	not secrets.credential("SECRET_LOCAL_HOSTNAME", "0.0.0.0")
	not secrets.credential("SECRET_FORCED_LANGUAGE", "en")
	not secrets.credential("NGC_API_KEY", "nvapi-NVKEY")
	not secrets.credential("OPENAI_API_KEY", "sk-xxx-xxx")
	not secrets.credential("SLACK_TOKEN", "xoxb-xxxx-xxxx-xxxx")
}

# Values that are settings, whatever the name says.
test_setting_values if {
	not secrets.credential("REDIS_PASSWORD", "127.0.0.1")
	not secrets.credential("REDIS_PASSWORD", "10.0.0.5:6379")
	not secrets.credential("REDIS_PASSWORD", "::1")
	not secrets.credential("REDIS_PASSWORD", "fe80::1:2")
	not secrets.credential("REDIS_PASSWORD", "localhost")
	not secrets.credential("REDIS_PASSWORD", "redis.default.svc.cluster.local:6379")
	not secrets.credential("PASSWORD", "en_US")
	not secrets.credential("PASSWORD", "pt-BR")
	not secrets.credential("PASSWORD", "en_US.UTF-8")
	not secrets.credential("API_KEY", "./secrets/api.key")
	not secrets.credential("API_KEY", "certs/tls.key")
	not secrets.credential("API_KEY", "C:\\secrets\\api.key")
	not secrets.credential("API_KEY", "~/.config/key")
	not secrets.credential("SPANNER_CONNECTION_STRING", "projects/SPANNER_PROJECT/instances/SPANNER_INSTANCE/databases/SPANNER_DATABASE")
	not secrets.credential("DH_PARAMS_SECRET", "-----BEGIN DH PARAMETERS-----\nMIIBCAKCAQEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz\n-----END DH PARAMETERS-----\n")
}

test_team_patterns if {
	secrets.secret_name("VAULT_UNSEAL") with data.shiplint_config.params as {"secrets": {"names": ["(^|_)vault_unseal"]}}
	not secrets.secret_name("VAULT_UNSEAL")
	not secrets.secret_name("APP_TOKEN_TTL_SECONDS") with data.shiplint_config.params as {"secrets": {"ignore_names": ["^app_token"]}}
	secrets.secret_name("APP_TOKEN_PROD")
	not secrets.secret_name("APP_TOKEN_PROD") with data.shiplint_config.params as {"secrets": {"ignore_names": ["^app_token"]}}
}
