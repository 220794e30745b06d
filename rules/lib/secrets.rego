# METADATA
# description: >-
#   Deciding whether a name/value pair is a credential written in plain text. Shared by the
#   Dockerfile (ENV/ARG), Compose (environment, build args) and Kubernetes (env, ConfigMap,
#   Secret) rules so the three agree on what a secret looks like. The rules are written out
#   in docs/writing-rules.md ("How lib.secrets decides"); each has a test in secrets_test.rego.
package shiplint.lib.secrets

import data.shiplint.lib

# Teams extend both lists in .shiplint.yaml (regular expressions matched on
# the normalized name, see normalize):
#   params:
#     secrets:
#       names: ["(^|_)vault_unseal"]     # more names that hold credentials
#       ignore_names: ["^app_token_ttl$"]  # names that look secret but are not
extra_name_patterns := lib.param("secrets", "names", [])

ignored_name_patterns := lib.param("secrets", "ignore_names", [])

# ---------------------------------------------------------------------------
# Names
#
# A name is cut into words (normalize, then "_"): DB_PASSWORD, db-password,
# dbPassword and db.password are all [db, password]. It holds a credential
# when it has a credential word (cred_word) and what follows the LAST
# credential word still names that credential:
#   - nothing (DB_PASSWORD, AWS_SECRET_ACCESS_KEY, SECRET_DO_SPACES_KEY),
#   - qualifiers only (SECRET_KEY_BASE, DB_PASSWORD_PROD, API_TOKEN_V2),
#   - or one other word (PASSWORD_ROOT, TOKEN_GITHUB).
# It does not when a word after it names a setting (settings_words:
# SECRET_PORT, SECRET_LOCAL_HOSTNAME, PASSWORD_FILE, TOKEN_TTL,
# SECRET_FORCED_LANGUAGE), or when two or more other words follow: the
# credential word is then a prefix (SECRET_REDIS_TLS, Hemmelig's SECRET_*).
# Names starting with no_ and the team's ignore_names never hold one.
# ---------------------------------------------------------------------------

# normalize lower-cases a name, splits camelCase and turns every run of other
# characters into one "_": "stripe.secretKey" -> "stripe_secret_key".
normalize(name) := n if {
	a := regex.replace(name, `([a-z0-9])([A-Z])`, "${1}_${2}")
	b := regex.replace(a, `([A-Z]+)([A-Z][a-z])`, "${1}_${2}")
	n := trim(regex.replace(lower(b), `[^a-z0-9]+`, "_"), "_")
}

# candidate is a cheap first test: most names have none of these fragments,
# and one regex.match rejects them before the word-by-word analysis.
candidate_regex := `pass|pwd|pw|secret|token|key|cred|dsn|conn|webhook|pat`

# A word that is a credential by itself, or ends with one (dbpassword,
# clientsecret, accesstoken). Plurals that count things (tokens, secrets,
# passwords) are not: MAX_INPUT_TOKENS is a number.
cred_word_regex := `^([a-z0-9]*(password|passwd|passphrase|secret|token|credentials|credential|connectionstring|(api|secret|private|access|auth|signing|encryption|master|account|license|app|ssh|jwt|hmac|deploy|shared)key)[0-9]*|pass|pwd|pw|creds?|dsn|keypass|storepass|connstr)$`

# Words that make "key" a credential: API_KEY, PRIVATE_KEY, MASTER_KEY...
key_kinds := {
	"api", "private", "access", "secret", "auth", "signing", "sign", "encryption", "encrypt",
	"decryption", "master", "account", "storage", "sa", "gcp", "ssh", "jwt", "hmac", "license",
	"app", "deploy", "shared", "admin", "cipher",
}

# cred_word(ws, i) holds when word i of ws names a credential.
cred_word(ws, i) if regex.match(cred_word_regex, ws[i])

cred_word(ws, i) if {
	ws[i] == "key"
	ws[i - 1] in key_kinds
}

# A final "key" in a name that already has a credential word earlier:
# SECRET_DO_SPACES_KEY.
cred_word(ws, i) if {
	ws[i] == "key"
	i > 0
	i == count(ws) - 1
	some j in numbers.range(0, i - 1)
	regex.match(cred_word_regex, ws[j])
}

cred_word(ws, i) if {
	ws[i] == "string"
	ws[i - 1] in {"connection", "conn"}
}

cred_word(ws, i) if {
	ws[i] == "pat"
	ws[i - 1] in {"gh", "github", "gitlab", "ado"}
}

cred_word(ws, i) if {
	ws[i] == "webhook"
	ws[i - 1] in {"slack", "discord", "teams"}
}

# Words after the credential word that make the name a setting about it.
settings_words := {
	# where it is, or where something else is
	"file", "files", "filename", "path", "paths", "dir", "directory", "folder", "mount",
	"volume", "ref", "arn", "env", "var", "variable", "store", "backend", "provider", "source",
	"manager", "service", "bucket", "table", "column", "field", "namespace", "cache",
	"port", "ports", "host", "hosts", "hostname", "addr", "address", "ip", "domain", "endpoint",
	"server", "header", "cookie",
	# who it belongs to
	"name", "names", "id", "ids", "user", "username", "users", "login", "email", "issuer",
	"iss", "audience", "aud", "scope", "scopes",
	# how it is made, checked and kept
	"length", "len", "min", "max", "size", "count", "limit", "strength", "complexity",
	"rounds", "cost", "iterations", "ttl", "expiry", "expires", "expire", "expiration",
	"expired", "timeout", "lifetime", "age", "duration", "interval", "period", "seconds",
	"secs", "sec", "minutes", "mins", "hours", "days", "ms", "rotation", "rotate", "policy",
	"algorithm", "algorithms", "algo", "alg", "type", "kind", "mode", "format", "version",
	"encoding", "charset", "regex", "regexp", "pattern", "prefix", "suffix", "separator",
	"delimiter", "method", "methods", "scheme", "class", "driver", "strategy", "plugin",
	"hint", "reset", "validation", "verify", "check", "retries", "retry", "attempts",
	# switches and settings
	"enabled", "enable", "disabled", "disable", "required", "require", "optional", "flag",
	"auth", "tls", "ssl", "level", "region", "zone", "lang", "language", "locale",
	# the public half
	"public", "pub", "cert", "certificate", "ca",
}

# Words after the credential word that still name it (SECRET_KEY_BASE).
qualifier_regex := `^(v?[0-9]+|base|value|b64|base64|hex|raw|plain|plaintext|encoded|enc|prod|production|dev|development|stg|stage|staging|test|qa|uat|local|live|primary|secondary|old|new|current|previous|prev|next|backup|default|override|json|yaml|yml|string|str|data|content|text|admin|root|master|main)$`

# words(name) is the normalized name cut into words.
words(name) := split(normalize(name), "_")

# secret_name holds when name looks like it holds a credential.
secret_name(name) if {
	n := normalize(name)
	regex.match(candidate_regex, n)
	ws := split(n, "_")
	names_credential(ws)
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

names_credential(ws) if {
	last := max({i | some i, _ in ws; cred_word(ws, i)})
	after := array.slice(ws, last + 1, count(ws))
	not settings_word_in(after)
	count([w | some w in after; not regex.match(qualifier_regex, w)]) <= 1
}

settings_word_in(ws) if {
	some w in ws
	w in settings_words
}

harmless_name(n) if startswith(n, "no_")

harmless_name(n) if {
	some p in ignored_name_patterns
	regex.match(p, n)
}

harmless_name(n) if n in {"passwd", "token_auth", "use_secret"}

# ---------------------------------------------------------------------------
# Values
#
# literal(v): v is written out in the file, not a reference to a value held
# elsewhere (${VAR}, $(VAR), {{ .Values.x }}, /run/secrets/x, vault:...) and
# not a placeholder. A placeholder addresses the reader or hides the value:
#   - <...>, [...], {NAME}, __NAME__, %NAME%;
#   - masks: runs of one character (XXX-XXX, YYYY, ****, ...., 0000), also
#     after a vendor prefix (sk-xxx-xxx, xoxb-xxxx-xxxx, ghp_XXXX, AKIAXXXX);
#     a vendor prefix followed by a word in capitals (nvapi-NVKEY);
#   - instructions: your-password-here, insert_token, <enter key>,
#     "... your private key ...", changeme, replace_me, example, dummy, todo;
#   - the bare words password, secret, token, true, none...;
#   - a PEM private key whose body is not a key (<PRIVKEY>, MIIE...., ...).
# Values that merely start with My or Some are real values, weak or not:
# MySecureRootDatabasePassword and mysecretpassword are reported. changeme
# is a placeholder: it tells the reader to change it (a deployment that keeps
# it has a default password, which is another problem than a leaked one).
#
# public_material(v): a PEM block with no private key in it (certificate,
# public key, DH parameters) is public, not a credential.
#
# credential(name, value) adds what names alone get wrong, values that are
# settings: numbers of tokens, 0/1 flags, file paths, IP addresses and host
# names, language codes, the variable's own name, URLs without user info.
# Other numbers are kept: 123456 is the most common password there is.
# ---------------------------------------------------------------------------

literal(v) if {
	is_string(v)
	s := trim_space(v)
	count(s) > 0
	not reference(s)
	not placeholder(s)
}

literal(v) if is_number(v)

# secret_value holds for a value that is a literal and not public material:
# what a Secret's data may not hold in the repository.
secret_value(v) if {
	literal(v)
	not public_material(v)
}

# ${VAR}, $VAR, $(cmd), {{ template }}, %ENV% and file/secret references.
reference(s) if regex.match(`\$\{?[A-Za-z_][A-Za-z0-9_]*|\$\(|\{\{.*\}\}|^%[A-Za-z_]+%$`, s)

reference(s) if regex.match(`^(/run/secrets/|/var/run/secrets/|file:|vault:|secretsmanager:|arn:aws:secretsmanager|projects/[^/]+/secrets/|ssm:|env:|@)`, lower(s))

placeholder(s) if lower(s) in placeholders

# Brackets around a description, one character repeated, a name in markers.
placeholder(s) if regex.match(`^(<[^>]*>|\[[^\]]*\]|\{[A-Za-z_][A-Za-z0-9_ .-]*\}|__[A-Za-z0-9_]+__|x+|\*+|\.+|-+|_+|\?+|#+|0+|•+|…+)$`, lower(s))

# Masks: runs of x, X, y, Y, *, #, ., ?, 0 between separators, after an
# optional vendor prefix (sk-, sk_live_, xoxb-, ghp_, AKIA...).
placeholder(s) if {
	rest := trim_vendor_prefix(s)
	regex.match(`^[-_.: ]*((x{2,}|X{2,}|y{2,}|Y{2,}|z{2,}|Z{2,}|\*{2,}|#{2,}|\.{2,}|\?{2,}|0{3,}|•+|…+)[-_.: ]*)+$`, rest)
}

# A vendor prefix followed by a word in capitals, not a random body:
# nvapi-NVKEY, sk-OPENAI_KEY.
placeholder(s) if {
	rest := trim_vendor_prefix(s)
	rest != s
	regex.match(`^([A-Z]{2,12}|[A-Z]+_[A-Z_]+)$`, rest)
}

# Words that address the reader.
placeholder(s) if regex.match(`^(your|insert|enter|put|replace|paste|fill|provide|add|set|type)([_\- ]|$)`, lower(s))

placeholder(s) if regex.match(`(^|[^a-z])your[_\- ]?[a-z]|^your|[_\- ]here$|(key|token|password|secret|value|pass|pwd)[_\- ]?here$`, lower(s))

placeholder(s) if regex.match(`(change[_\- ]?me|changeit|replace[_\- ]?me|placeholder|redacted|dummy|example|sample|not[_\- ]?set|to[_\- ]?be[_\- ]?(set|replaced)|fixme|todo)`, lower(s))

# A PEM private key whose body is not base64 key material of a real length.
placeholder(s) if {
	body := pem_body(s)
	not real_pem_body(body)
}

placeholders := {
	"true", "false", "yes", "no", "on", "off", "null", "nil", "none", "empty", "undefined",
	"secret", "password", "passwd", "token", "apikey", "api_key", "key", "value", "test",
	"testing", "default", "string", "required", "optional", "unset", "disabled", "enabled",
}

# Vendor prefixes of tokens and keys, removed before looking for a mask.
trim_vendor_prefix(s) := regex.replace(s, `^(sk|pk|rk)[-_]((live|test|proj|ant|or)[-_])?|^xox[abposr]-|^gh[pousr]_|^github_pat_|^glpat-|^nvapi-|^hf_|^npm_|^pypi-|^AKIA|^ASIA|^AIza|^SG\.|^key-|^dop_v1_|^shpat_|^xapp-`, "")

# pem_body is the text between the BEGIN and END lines of a PEM private key,
# without header lines (Proc-Type: ..., DEK-Info: ...) and whitespace.
pem_body(s) := body if {
	m := regex.find_all_string_submatch_n(`(?s)-----BEGIN ([A-Z0-9 ]*PRIVATE KEY[A-Z ]*)-----(.*?)-----END`, s, 1)
	count(m) == 1
	lines := [l | some l in split(m[0][2], "\n"); not contains(l, ":")]
	body := regex.replace(concat("", lines), `\s+`, "")
}

# The smallest private key (an Ed25519 PKCS#8 key) is 64 base64 characters.
real_pem_body(body) if {
	count(body) >= 64
	regex.match(`^[A-Za-z0-9+/=]+$`, body)
}

# public_material holds for PEM blocks none of which is a private key.
public_material(v) if {
	is_string(v)
	contains(v, "-----BEGIN ")
	not regex.match(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY`, v)
}

# ---------------------------------------------------------------------------
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
	not address(v) # SECRET_LOCAL_HOSTNAME: 0.0.0.0
	not language_code(v) # SECRET_FORCED_LANGUAGE: en
	not public_material(v) # DH_PARAMS: -----BEGIN DH PARAMETERS-----
}

token_count(name, v) if {
	regex.match(`(?i)tokens?([^a-z]|$)`, name)
	regex.match(`^[0-9]+$`, v)
}

# Absolute, home and ./ paths; Windows paths; relative paths to a key or
# config file (certs/tls.key); resource names whose parts are each in one
# case (projects/SPANNER_PROJECT/instances/main), which base64 keys are not.
file_path(v) if regex.match(`^(/|\./|\.\./|~/)[A-Za-z0-9._@-]+(/[A-Za-z0-9._@-]+)*/?$`, v)

file_path(v) if regex.match(`^[A-Za-z]:\\[^\s]*$`, v)

file_path(v) if regex.match(`^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)+\.(pem|key|crt|cer|der|p12|pfx|jks|json|ya?ml|txt|env|conf|cfg|ini|properties|toml|asc|gpg|pub)$`, v)

file_path(v) if {
	parts := split(v, "/")
	count(parts) >= 3
	every p in parts {
		regex.match(`^([a-z0-9._-]+|[A-Z0-9._-]+)$`, p)
	}
}

# IPv4 and IPv6 addresses, localhost and host names under a common domain
# suffix, with an optional port.
address(v) if regex.match(`^((\d{1,3}\.){3}\d{1,3}|localhost)(:\d{1,5})?$`, v)

address(v) if {
	contains(v, "::")
	regex.match(`^\[?([0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}\]?$`, v)
}

address(v) if regex.match(`^\[?([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\]?$`, v)

address(v) if regex.match(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.(com|net|org|io|dev|app|cloud|local|internal|lan|localdomain|localhost|svc|cluster\.local|example|test)(:\d{1,5})?$`, v)

# en, de, en_US, pt-BR, en_US.UTF-8.
language_code(v) if regex.match(`^[a-z]{2}([_-][A-Z]{2})?(\.(UTF-8|utf-8|utf8|UTF8))?$`, v)

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
