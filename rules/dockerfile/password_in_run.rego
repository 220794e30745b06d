# METADATA
# title: Password set from a literal in RUN
# description: >-
#   `echo 'root:secret' | chpasswd`, `useradd -p <hash>` or `usermod --password <hash>` writes a
#   fixed account password into the image and into its history: everyone with the image knows it,
#   and it enables password logins (su, SSH) to that account in every container. Medium.
#   Passwords taken from variables or secret mounts are not reported.
# related_resources:
# - https://man7.org/linux/man-pages/man8/chpasswd.8.html
# - https://cwe.mitre.org/data/definitions/798.html
# custom:
#   id: DF051
#   severity: medium
#   remediation: >-
#     Do not give container accounts passwords; run as an unprivileged USER and use
#     `docker exec -u` for access. If a password is required, set it at run time from a secret.
#   aliases: [CKV2_DOCKER_17]
package shiplint.dockerfile.password_in_run

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df
import data.shiplint.lib.secrets

# echo 'user:password' | chpasswd
deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"chpasswd"})
	some [_, e] in df.run_named(s, i, {"echo", "printf"})
	e.pipeline == c.pipeline
	e.parent == c.parent
	e.position < c.position
	some a in e.args
	literal_pair(a)
	msg := "chpasswd is fed a literal user:password, which is kept in the image history"
}

literal_pair(a) if {
	not contains(a, "$")
	some line in split(a, "\n")
	parts := split(line, ":")
	count(parts) > 1
	secrets.literal(concat(":", array.slice(parts, 1, count(parts))))
}

# useradd -p HASH / usermod --password HASH
deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"useradd", "usermod", "adduser"})
	some v in df.cmd_flag_values(c, {"p"}, {"--password"})
	literal_password(v)
	not v in {"*", "!", "!!", "x"}
	msg := sprintf("%s sets a literal password, which is kept in the image history", [df.name(c)])
}

# A crypt hash ($6$salt$...) is literal text; other $ are variables.
literal_password(v) if regex.match(`^\$(1|2[aby]?|5|6|y|gy|7|sha1|md5)\$(rounds=[0-9]+\$)?[^$]*\$[./0-9A-Za-z]+$`, v)

literal_password(v) if {
	not contains(v, "$")
	secrets.literal(v)
}
