# METADATA
# title: apt installs packages without verifying their signatures
# description: >-
#   `--allow-unauthenticated`, `--force-yes`, `--allow-insecure-repositories`, the matching
#   `-o APT::...` options, a `[trusted=yes]` source line or `Verify-Peer=false` make apt install
#   packages whose signature is missing or wrong, so a tampered mirror or a man in the middle
#   chooses what gets installed as root. High: package signatures are the only integrity check.
# related_resources:
# - https://manpages.debian.org/bookworm/apt/apt-get.8.en.html
# - https://manpages.debian.org/bookworm/apt/sources.list.5.en.html
# - https://wiki.debian.org/SecureApt
# custom:
#   id: DF008
#   severity: high
#   remediation: >-
#     Remove the option and import the repository's signing key instead
#     (`curl -fsSL URL/key.gpg | gpg --dearmor -o /etc/apt/keyrings/x.gpg` and
#     `deb [signed-by=/etc/apt/keyrings/x.gpg] ...`).
#   aliases: [CKV2_DOCKER_8, CKV2_DOCKER_11]
package shiplint.dockerfile.apt_unauthenticated

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

apt := {"apt-get", "apt", "aptitude"}

bad_long := {"--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories", "--allow-downgrades-unauthenticated"}

bad_option(v) if regex.match(`(?i)^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories|Acquire::https?(::[^:=]+)?::Verify-(Peer|Host))=`, v)

truthy(v) := t if {
	parts := split(v, "=")
	val := lower(trim(parts[count(parts) - 1], `"'`))
	t := val in {"true", "1", "yes"}
}

verify_off(v) if regex.match(`(?i)::Verify-(Peer|Host)=("|')?(false|0|no)`, v)

insecure(c) if {
	df.name(c) in apt
	df.cmd_has_flag(c, set(), bad_long)
}

insecure(c) if {
	df.name(c) in apt
	some v in df.cmd_flag_values(c, {"o"}, {"--option"})
	bad_option(v)
	not regex.match(`(?i)Verify-(Peer|Host)=`, v)
	truthy(v)
}

insecure(c) if {
	df.name(c) in apt
	some v in df.cmd_flag_values(c, {"o"}, {"--option"})
	verify_off(v)
}

# echo "deb [trusted=yes] http://... " > /etc/apt/sources.list.d/x.list
trusted_arg(a) if {
	contains(a, "[")
	some m in regex.find_all_string_submatch_n(`(?i)deb(-src)?\s+\[([^\]]*)\]\s+(\S+)`, a, -1)
	regex.match(`(?i)\b(trusted|allow-insecure|allow-weak)\s*=\s*yes`, m[2])
	not local_repo(m[3])
}

# A repository of packages built in the same build (file:/copy:) has no
# signature to check; nothing comes over the network.
local_repo(uri) if regex.match(`^(?i)(file|copy|cdrom):`, uri)

# echo 'APT::Get::AllowUnauthenticated "true";' > /etc/apt/apt.conf.d/...
trusted_arg(a) if {
	contains(a, "::")
	regex.match(`(?i)(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)\s+"?(true|1|yes)`, a)
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(apt)
	insecure(c)
	msg := sprintf("%s is told to accept packages or repositories without a valid signature", [df.name(c)])
}

# trusted_args are the RUN arguments that hold such a source or setting,
# found once per document; only then are the commands holding them looked for.
trusted_args := {a | some a in df.notable_args; trusted_arg(a)}

trusted_source(c) if {
	some a in c.args
	a in trusted_args
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	count(trusted_args) > 0
	some [s, i, cmds] in df.command_lists
	some k, c in cmds
	trusted_source(c)
	not insecure(c)
	msg := "An apt source or setting marks a repository as trusted without a signature check"
}
