# METADATA
# title: Credentials written into a URL or command line
# description: >-
#   A URL with a literal `user:password@` part (or `curl -u user:password`) in RUN, ADD, ENV or
#   ARG is stored in the image history or config and in the Dockerfile in version control, so
#   anyone with the image or the repository has the credential. High. References such as
#   `https://${TOKEN}@host` or `https://user:${PASS}@host` and `git@host:org/repo` are not
#   reported (though a build argument holding a secret leaks through the history too).
# related_resources:
# - https://docs.docker.com/build/building/secrets/
# - https://cwe.mitre.org/data/definitions/798.html
# custom:
#   id: DF019
#   severity: high
#   remediation: >-
#     Mount the credential for the one step that needs it:
#     `RUN --mount=type=secret,id=git_token,env=GIT_TOKEN git clone https://x-access-token:$GIT_TOKEN@github.com/org/repo`,
#     or `--mount=type=secret,id=netrc,target=/root/.netrc`. Rotate the exposed credential.
package shiplint.dockerfile.credentials_in_url

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df
import data.shiplint.lib.secrets

url_pattern := `(?i)\b[a-z][a-z0-9+.-]*://([^/\s:@'"]+):([^/\s@'"]+)@[^/\s@'"]+`

# url_secret holds when s holds a URL with a literal password.
url_secret(s) if {
	is_string(s)
	contains(s, "://")
	some m in regex.find_all_string_submatch_n(url_pattern, s, -1)
	pw := m[2]
	not contains(pw, "$")
	secrets.literal(pw)
	secrets.literal(m[1])
}

# secret_args are the RUN arguments that hold such a URL, found once per
# document; only then are the commands holding them looked for.
# (notable_args holds the arguments with ARG and ENV values substituted
# too: `git clone $REPO` with ENV REPO=https://user:pw@host/...)
secret_args := {a | some a in df.notable_args; url_secret(a)}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	count(secret_args) > 0
	some [s, i, cmds] in df.command_lists
	some k, c in cmds
	some m, a in df.cmd_words(c)
	a in secret_args
	not reported_in_variable(a, c.args[m])
	msg := sprintf("%s is given a URL with a password in it, which is kept in the image history", [df.name(c)])
}

# defined_secrets are the ENV and ARG values holding a URL with a password:
# reported where they are written, not again where a command uses them.
defined_secrets := {p.value |
	some [_, _, ins] in df.instructions_named({"env", "arg"})
	some p in ins.pairs
	url_secret(p.value)
} | {a.value | some a in input.args; url_secret(a.value)}

reported_in_variable(expanded, written) if {
	expanded != written
	some v in defined_secrets
	contains(expanded, v)
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.env_commands
	some v in c.env
	url_secret(v)
	msg := sprintf("%s runs with a variable holding a URL with a password in it", [df.name(c)])
}

# curl -u user:password, wget --password=...
deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"curl"})
	some v in df.cmd_flag_values(c, {"u"}, {"--user", "--proxy-user"})
	parts := split(v, ":")
	count(parts) > 1
	pw := concat(":", array.slice(parts, 1, count(parts)))
	not contains(pw, "$")
	secrets.literal(pw)
	msg := "curl is given a literal user:password, which is kept in the image history"
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"wget"})
	some v in df.cmd_flag_values(c, set(), {"--password", "--http-password", "--ftp-password"})
	not contains(v, "$")
	secrets.literal(v)
	msg := "wget is given a literal password, which is kept in the image history"
}

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"add"})
	some [k, src] in df.source_words(ins)
	url_secret(src)
	not reported_in_variable(src, ins.args[k])
	msg := "ADD downloads from a URL with a password in it, which is kept in the Dockerfile and image history"
}

deny contains lib.finding(msg, ["stages", s, "instructions", i, "pairs", k]) if {
	some [s, i, ins] in df.instructions_named({"env", "arg"})
	some k, p in ins.pairs
	url_secret(p.value)
	msg := sprintf("%s %s holds a URL with a password in it", [upper(ins.cmd), p.key])
}

deny contains lib.finding(msg, ["args", k]) if {
	some k, a in input.args
	url_secret(a.value)
	msg := sprintf("ARG %s holds a URL with a password in it", [a.name])
}
