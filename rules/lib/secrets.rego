# METADATA
# description: >-
#   Deciding whether a name/value pair is a credential written in plain text. Shared by the
#   Dockerfile (ENV/ARG), Compose (environment, build args) and Kubernetes (env, ConfigMap)
#   rules so the three agree on what a secret looks like.
package shiplint.lib.secrets

import data.shiplint.lib

# Teams extend both lists in .shiplint.yaml (regular expressions matched on
# the lower-cased name with separators turned into underscores):
#   params:
#     secrets:
#       names: ["(^|_)vault_unseal"]     # more names that hold credentials
#       ignore_names: ["^app_token_ttl$"]  # names that look secret but are not
extra_name_patterns := lib.param("secrets", "names", [])

ignored_name_patterns := lib.param("secrets", "ignore_names", [])

# Name fragments that mean "this holds a credential", matched on the
# lower-cased name with separators (-, ., space) turned into underscores.
name_patterns := [
	`(^|_)pass(word|wd|phrase)?($|_)`,
	`(^|_)pwd($|_)`,
	`secret`,
	`token`,
	`api_?key`,
	`private_?key`,
	`access_?key`,
	`secret_?key`,
	`auth_?key`,
	`credential`,
	`(^|_)creds?($|_)`,
	`client_?secret`,
	`signing_?key`,
	`encryption_?key`,
	`master_?key`,
	`(^|_)dsn($|_)`,
	`connection_?string`,
	`(^|_)aws_secret`,
	`(^|_)aws_session_token`,
	`(^|_)gcp_?(sa_)?key`,
	`(^|_)google_application_credentials_json`,
	`(^|_)azure_(client_secret|storage_key|storage_account_key)`,
	`(^|_)account_?key`,
	`(^|_)sas_?token`,
	`(^|_)npm_?token`,
	`(^|_)(gh|github|gitlab)_?(pat|token)`,
	`(^|_)slack_?(webhook|token)`,
]

# Names that mention a secret but hold something else: where a secret is
# (a file, a path, a reference), its settings, or its public half.
not_secret_suffixes := [
	"_file", "_path", "_dir", "_directory", "_name", "_names", "_url_path", "_ref", "_arn",
	"_env", "_var", "_key_id", "_id", "_length", "_len", "_min_length", "_max_length",
	"_ttl", "_expiry", "_expires", "_expiration", "_timeout", "_lifetime", "_enabled",
	"_enable", "_disabled", "_required", "_type", "_header", "_endpoint", "_uri_path",
	"_policy", "_rotation", "_algorithm", "_algo", "_mode", "_format", "_version",
	"_count", "_size", "_regex", "_pattern", "_provider", "_store", "_backend", "_user",
	"_username", "_hash_algorithm", "_public_key", "_pub", "_secret_ref", "_salt_rounds",
]

normalize(name) := n if {
	n := regex.replace(lower(name), `[^a-z0-9]+`, "_")
}

# name_regex matches what any of name_patterns matches, in one pass: most
# names are not secret, and one regex.match rejects them where 27 did. It is
# written out because building it costs more than it saves on every
# document; test_name_regex_is_name_patterns keeps the two in step.
name_regex := `(?:(^|_)pass(word|wd|phrase)?($|_))|(?:(^|_)pwd($|_))|(?:secret)|(?:token)|(?:api_?key)|(?:private_?key)|(?:access_?key)|(?:secret_?key)|(?:auth_?key)|(?:credential)|(?:(^|_)creds?($|_))|(?:client_?secret)|(?:signing_?key)|(?:encryption_?key)|(?:master_?key)|(?:(^|_)dsn($|_))|(?:connection_?string)|(?:(^|_)aws_secret)|(?:(^|_)aws_session_token)|(?:(^|_)gcp_?(sa_)?key)|(?:(^|_)google_application_credentials_json)|(?:(^|_)azure_(client_secret|storage_key|storage_account_key))|(?:(^|_)account_?key)|(?:(^|_)sas_?token)|(?:(^|_)npm_?token)|(?:(^|_)(gh|github|gitlab)_?(pat|token))|(?:(^|_)slack_?(webhook|token))`

# secret_name holds when name looks like it holds a credential.
secret_name(name) if {
	n := normalize(name)
	regex.match(name_regex, n)
	not harmless_name(n)
}

# (A team's own patterns are matched one by one, so that one invalid
# pattern does not silence the others.)
secret_name(name) if {
	n := normalize(name)
	some p in extra_name_patterns
	regex.match(p, n)
	not harmless_name(n)
}

harmless_name(n) if {
	some s in not_secret_suffixes
	endswith(n, s)
}

harmless_name(n) if startswith(n, "no_")

harmless_name(n) if {
	some p in ignored_name_patterns
	regex.match(p, n)
}

harmless_name(n) if n in {"passwd", "token_auth", "secrets", "use_secret", "public_key"}

# literal holds when v is a value written out in the file, not a reference
# to one held elsewhere and not an obvious placeholder.
literal(v) if {
	is_string(v)
	s := trim_space(v)
	count(s) > 0
	not reference(s)
	not placeholder(s)
}

literal(v) if is_number(v)

# ${VAR}, $VAR, $(cmd), {{ template }}, %ENV% and file/secret references.
reference(s) if regex.match(`\$\{?[A-Za-z_][A-Za-z0-9_]*|\$\(|\{\{.*\}\}|^%[A-Za-z_]+%$`, s)

reference(s) if regex.match(`^(/run/secrets/|/var/run/secrets/|file:|vault:|secretsmanager:|arn:aws:secretsmanager|projects/[^/]+/secrets/|ssm:|env:|@)`, lower(s))

placeholder(s) if lower(s) in placeholders

placeholder(s) if regex.match(`^(<[^>]*>|\[[^\]]*\]|x+|\*+|\.+|-+|_+|\?+|#+|0+)$`, lower(s))

placeholder(s) if regex.match(`^(your|my|some|insert|enter|put|replace|add|set)[_\- ]?(own[_\- ]?)?(.*)?(here|password|secret|token|key|value|api[_\- ]?key)?$`, lower(s))

placeholder(s) if regex.match(`(change[_\- ]?me|changeit|replace[_\- ]?me|placeholder|redacted|dummy|example|sample|not[_\- ]?set|to[_\- ]?be[_\- ]?(set|replaced)|fixme|todo)`, lower(s))

placeholders := {
	"true", "false", "yes", "no", "on", "off", "null", "nil", "none", "empty", "undefined",
	"secret", "password", "passwd", "token", "apikey", "api_key", "key", "value", "test",
	"testing", "default", "string", "required", "optional", "unset", "disabled", "enabled",
}

# credential holds for a name/value pair written in a file that is a
# plain-text credential. Every rule about secrets in ENV/ARG, Compose
# environment and build args, and Kubernetes env and ConfigMaps uses it, so
# the three kinds agree. It is secret_name and literal, minus what real
# files hold under such names that is not a credential:
credential(name, value) if {
	secret_name(name)
	literal(value)
	v := trim_space(sprintf("%v", [value]))
	not token_count(name, v) # MAX_INPUT_TOKENS: "2048"
	not v in {"0", "1"} # MYSQL_ALLOW_EMPTY_PASSWORD: "1"
	not file_path(v) # GOOGLE_APPLICATION_CREDENTIALS: /var/secrets/key.json
	not startswith(upper(v), upper(name)) # HF_TOKEN: HF_TOKEN
	not regex.match(`(?i)(^|[^a-z])fake([^a-z]|$)`, v) # fake_password
	not credentials_setting(name) # AWS_CREDENTIALS_AWS_REGION: eu-west-1
	not credentials_file_name(name) # KAFKA_SSL_KEYSTORE_CREDENTIALS: keystore_creds
	not plain_url(v) # S3_ENDPOINT_URL: http://minio:9000
}

token_count(name, v) if {
	regex.match(`(?i)tokens?([^a-z]|$)`, name)
	regex.match(`^[0-9]+$`, v)
}

file_path(v) if regex.match(`^(/|\./|~/)[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$`, v)

# "AWS_CREDENTIALS_AWS_REGION" is a setting of a credentials block, named by
# what follows the last credentials/creds word; "DB_CREDENTIALS" is the
# credential itself.
credentials_setting(name) if {
	parts := regex.split(`(^|_)(credentials?|creds?)(_|$)`, normalize(name))
	count(parts) > 1
	rest := parts[count(parts) - 1]
	rest != ""
	not secret_name(rest)
}

# Confluent images read KAFKA_SSL_KEYSTORE_CREDENTIALS and the like as the
# name of a file that holds the password.
credentials_file_name(name) if regex.match(`(keystore|truststore|key)_credentials$`, normalize(name))

# A URL with no user info (http://minio:9000) is an address, not a secret.
plain_url(v) if regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://[^@\s]*$`, v)
