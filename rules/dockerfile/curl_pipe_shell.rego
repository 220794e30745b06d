# METADATA
# title: Remote script piped into a shell
# description: >-
#   `curl … | sh`, `bash -c "$(curl …)"` and `sh <(wget …)` run whatever the server returns at
#   build time, with no integrity check: a compromised or hijacked download host, a DNS or
#   proxy attack, or a truncated transfer executes arbitrary code inside the build, with its
#   secrets and network. High, because the image silently ships what the attacker chose.
#   Downloading to a file and running that file in the same RUN (`curl -o x.sh URL && sh x.sh`)
#   is the same risk and is reported too, unless a checksum or signature check (`sha256sum -c`,
#   `gpg --verify`, `cosign verify-blob`...) runs between the download and the execution.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#run
# - https://www.idontplaydarts.com/2016/04/detecting-curl-pipe-bash-server-side/
# custom:
#   id: DF003
#   severity: high
#   remediation: >-
#     Download to a file, verify it against a pinned checksum or signature, then run it:
#     `curl -fsSLo install.sh URL && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`.
#     Better, use a package manager or `ADD --checksum=sha256:<digest> URL`.
package shiplint.dockerfile.curl_pipe_shell

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

downloaders := {"curl", "wget"}

# Programs that execute the text they are given.
interpreters := {
	"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "fish", "busybox",
	"python", "python2", "python3", "perl", "ruby", "node", "php", "eval", "source", ".",
}

interpreter(c) if lib.basename(c.name) in interpreters

interpreter(c) if regex.match(`^python[0-9.]*$`, lib.basename(c.name))

downloader(c) if lib.basename(c.name) in downloaders

# The rules start from the commands the index names (downloaders and
# interpreters are rare) and only then look for a partner in the same RUN:
# big RUNs hold hundreds of commands, and pairing every two is quadratic.

# interpreter_names are the base names of the file's commands that may be
# interpreters.
interpreter_names := interpreters | {n | some n in df.command_names; regex.match(`^python[0-9.]*$`, n)}

interpreter_commands := df.commands_named(interpreter_names)

downloader_commands := df.commands_named(downloaders)

# curl URL | sh  (the shell comes later in the same pipeline)
deny contains lib.finding(msg, ["stages", s, "instructions", i, "commands", k]) if {
	count(downloader_commands) > 0
	some [s, i, k, c] in interpreter_commands
	c.position > 0
	interpreter(c)
	some [_, d] in df.run_named(s, i, downloaders)
	d.pipeline == c.pipeline
	d.position < c.position
	d.parent == c.parent
	downloader(d)
	msg := sprintf("Output of %s is piped into %s and executed unverified: download to a file and check its checksum first", [d.name, c.name])
}

# bash -c "$(curl URL)", sh <(curl URL), eval "$(wget -O- URL)"
deny contains lib.finding(msg, ["stages", s, "instructions", i, "commands", d.parent]) if {
	some [s, i, _, d] in downloader_commands
	d.context in {"cmdsubst", "procsubst"}
	downloader(d)
	c := input.stages[s].instructions[i].commands[d.parent]
	interpreter(c)
	msg := sprintf("%s runs a script fetched by %s without verifying it: download to a file and check its checksum first", [c.name, d.name])
}

# curl -fsSLo /tmp/install.sh URL && sh /tmp/install.sh (no check in between)
deny contains lib.finding(msg, ["stages", s, "instructions", i, "commands", m]) if {
	some [s, i, j, d] in downloader_commands
	downloader(d)
	some f in downloaded_files(d)
	some [m, target] in executions(s, i)
	m > j
	same_file(target, f)
	not verified_between(s, i, j, m)
	c := input.stages[s].instructions[i].commands[m]
	msg := sprintf("%s runs %s, downloaded by %s, without checking its checksum or signature first", [lib.basename(c.name), f, d.name])
}

# executions are the [index, file] of the commands of RUN (s, i) that run a
# file: an interpreter given a script, or a path run directly.
executions(s, i) := array.concat(
	[[m, pos[0]] |
		some [m, c] in df.run_named(s, i, interpreter_names)
		interpreter(c)
		pos := df.cmd_positionals(c, {"-o", "-O", "+o", "-c"})
		count(pos) > 0
	],
	[[m, c.name] |
		some m, c in input.stages[s].instructions[i].commands
		contains(c.name, "/")
	],
)

urls(d) := [u | some u in df.cmd_words(d); regex.match(`^(?i)(https?|ftp)://`, u)]

url_basename(u) := b if {
	path := split(split(u, "?")[0], "#")[0]
	b := lib.basename(path)
	b != ""
}

downloaded_files(d) := {f |
	lib.basename(d.name) == "curl"
	some f in df.cmd_flag_values(d, {"o"}, {"--output"})
	f != "-"
} | {f |
	lib.basename(d.name) == "curl"
	df.cmd_has_flag(d, {"O"}, {"--remote-name"})
	some u in urls(d)
	f := url_basename(u)
} | {f |
	lib.basename(d.name) == "wget"
	some f in df.cmd_flag_values(d, {"O"}, {"--output-document"})
	f != "-"
} | {f |
	lib.basename(d.name) == "wget"
	count(df.cmd_flag_values(d, {"O"}, {"--output-document"})) == 0
	some u in urls(d)
	f := url_basename(u)
}

same_file(a, f) if a == f

same_file(a, f) if {
	contains(a, "/")
	lib.basename(a) == lib.basename(f)
}

same_file(a, f) if {
	contains(f, "/")
	not contains(a, "/")
	a == lib.basename(f)
}

# sh install.sh / bash /tmp/install.sh / python3 get-pip.py
verifiers := {"sha256sum", "sha512sum", "sha384sum", "sha224sum", "sha1sum", "shasum", "md5sum", "b2sum", "gpg", "gpg2", "gpgv", "cosign", "minisign", "signify", "openssl", "rpm", "slsa-verifier", "ssh-keygen"}

verified_between(s, i, j, m) if {
	some n in verifications(s, i)
	n > j
	n < m
}

# verifications are the indexes of checksum/signature commands of RUN (s, i).
verifications(s, i) := [n |
	some [n, v] in df.run_named(s, i, verifiers)
	lib.basename(v.name) in verifiers
]
