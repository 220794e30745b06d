# METADATA
# title: TLS or signature verification turned off through an environment variable
# description: >-
#   Variables such as `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY`
#   (any value), `PIP_TRUSTED_HOST`, `NPM_CONFIG_STRICT_SSL=false`, `GOINSECURE` or `GOSUMDB=off`
#   silently turn off certificate or checksum verification for every later download, and when
#   set with ENV they stay on in the running container too. High: downloads and outgoing calls
#   can then be tampered with by anyone on the network path.
# related_resources:
# - https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue
# - https://peps.python.org/pep-0493/
# - https://git-scm.com/book/en/v2/Git-Internals-Environment-Variables
# - https://go.dev/ref/mod#environment-variables
# custom:
#   id: DF007
#   severity: high
#   remediation: >-
#     Remove the variable. Trust a private CA properly instead (`NODE_EXTRA_CA_CERTS`,
#     `REQUESTS_CA_BUNDLE`/`PIP_CERT`, `http.sslCAInfo`, or the system trust store).
#   aliases: [CKV2_DOCKER_5, CKV2_DOCKER_6, CKV2_DOCKER_12, CKV2_DOCKER_14, CKV2_DOCKER_16]
package shiplint.dockerfile.tls_disabled_env

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

unquote(v) := trim(trim_space(v), `"'`)

# disables holds when name=value turns verification off.
# disables looks the variable up once, then checks its value the way the
# tool that reads it does (one lookup per variable instead of one test per
# kind of variable).
disables(name, value) if disabling(checked[upper(name)], value)

checked := {
	"NODE_TLS_REJECT_UNAUTHORIZED": "zero", "PYTHONHTTPSVERIFY": "zero",
	"NPM_CONFIG_STRICT_SSL": "falsy", "YARN_ENABLE_STRICT_SSL": "falsy", "YARN_STRICT_SSL": "falsy",
	"GIT_SSL_NO_VERIFY": "set",
	"PIP_TRUSTED_HOST": "not empty", "GOINSECURE": "not empty",
	"GOSUMDB": "off",
}

disabling("zero", value) if unquote(value) == "0"

disabling("falsy", value) if lower(unquote(value)) in {"false", "0", "no"}

# git only checks that GIT_SSL_NO_VERIFY is set, whatever its value.
disabling("set", value) if is_string(value)

disabling("not empty", value) if unquote(value) != ""

disabling("off", value) if lower(unquote(value)) == "off"

# ENV and ARG (with a default) set it for the rest of the stage.
deny contains lib.finding(msg, ["stages", s, "instructions", i, "pairs", k]) if {
	some [s, i, ins] in df.instructions_named({"env", "arg"})
	some k, p in ins.pairs
	disables(p.key, p.value)
	msg := sprintf("%s %s=%s turns off TLS or signature verification", [upper(ins.cmd), p.key, p.value])
}

# VAR=value command ...
deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.env_commands
	some name, value in c.env
	disables(name, value)
	msg := sprintf("%s runs with %s=%s, which turns off TLS or signature verification", [c.name, name, value])
}

# export VAR=value
declarations := {"export", "declare", "typeset", "readonly"}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(declarations)
	c.name in declarations
	some a in c.args
	[name, value] := split_assign(a)
	disables(name, value)
	msg := sprintf("export %s=%s turns off TLS or signature verification", [name, unquote(value)])
}

split_assign(a) := [substring(a, 0, i), substring(a, i + 1, -1)] if {
	i := indexof(a, "=")
	i > 0
}
