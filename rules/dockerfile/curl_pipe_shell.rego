# METADATA
# title: Remote script piped into a shell
# description: >-
#   `curl … | sh`, `bash -c "$(curl …)"` and `sh <(wget …)` run whatever the server returns at
#   build time, with no integrity check: a compromised or hijacked download host, a DNS or
#   proxy attack, or a truncated transfer executes arbitrary code inside the build, with its
#   secrets and network. High, because the image silently ships what the attacker chose.
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

downloaders := {"curl", "wget"}

# Programs that execute the text they are given.
interpreters := {
	"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "fish", "busybox",
	"python", "python2", "python3", "perl", "ruby", "node", "php", "eval", "source", ".",
}

interpreter(c) if lib.basename(c.name) in interpreters

interpreter(c) if regex.match(`^python[0-9.]*$`, lib.basename(c.name))

downloader(c) if lib.basename(c.name) in downloaders

# Rules over RUN commands test the rare, selective condition first (an
# interpreter later in a pipeline) and only then look for its partner:
# big RUNs hold hundreds of commands, and pairing every two is quadratic.

# curl URL | sh  (the shell comes later in the same pipeline)
deny contains lib.finding(msg, ["stages", s, "instructions", i, "commands", k]) if {
	some s, stage in input.stages
	some i, ins in stage.instructions
	ins.cmd == "run"
	some k, c in ins.commands
	c.position > 0
	interpreter(c)
	some d in ins.commands
	d.pipeline == c.pipeline
	d.position < c.position
	d.parent == c.parent
	downloader(d)
	msg := sprintf("Output of %s is piped into %s and executed unverified: download to a file and check its checksum first", [d.name, c.name])
}

# bash -c "$(curl URL)", sh <(curl URL), eval "$(wget -O- URL)"
deny contains lib.finding(msg, ["stages", s, "instructions", i, "commands", d.parent]) if {
	some s, stage in input.stages
	some i, ins in stage.instructions
	ins.cmd == "run"
	some d in ins.commands
	d.context in {"cmdsubst", "procsubst"}
	downloader(d)
	c := ins.commands[d.parent]
	interpreter(c)
	msg := sprintf("%s runs a script fetched by %s without verifying it: download to a file and check its checksum first", [c.name, d.name])
}
