# METADATA
# title: Download piped into another command without pipefail
# description: >-
#   A pipeline's status is that of its last command, so in `curl -fsSL URL | tar -xz` or
#   `wget -qO- URL | gpg --import` a failed or truncated download is not a build error: the step
#   succeeds with a missing or partial file or key. Low. Pipelines whose upstream is not a
#   downloader, RUNs that `set -o pipefail` first, and stages whose SHELL sets it are not reported.
#   Piping into a shell is reported by DF003 instead, and consumers that fail on empty or
#   truncated input by themselves (`tar -xz`, `gunzip`, `apt-key add`, `gpg --import`,
#   `sha256sum`) are not reported.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#using-pipes
# custom:
#   id: DF050
#   severity: low
#   remediation: >-
#     Start the RUN with `set -o pipefail &&` (the shell must support it: use
#     `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` on Debian/Ubuntu), or download to a file and
#     check it before using it.
#   aliases: [DL4006]
package shiplint.dockerfile.missing_pipefail

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

downloaders := {"curl", "wget"}

shells := {"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox", "python", "python3", "perl", "ruby", "node", "php"}

pipefail_set(s, i, k) if pipefail_at(s, i)[0] < k

# pipefail_at are the indexes of the `set ... pipefail` commands of RUN (s, i).
pipefail_at(s, i) := [j |
	some [j, c] in df.run_named(s, i, {"set"})
	some a in c.args
	contains(a, "pipefail")
]

shell_pipefail(s, i) if {
	some [t, j] in pipefail_shells
	t in graph.reachable(df.parents, {s})
	earlier(t, j, s, i)
}

# pipefail_shells are the [s, i] of the SHELL instructions that set pipefail.
pipefail_shells := [[t, j] |
	some t, stage in input.stages
	some j, ins in stage.instructions
	ins.cmd == "shell"
	any_pipefail(ins.args)
]

any_pipefail(args) if {
	some a in args
	contains(a, "pipefail")
}

earlier(t, _, s, _) if t != s

earlier(s, j, s, i) if j < i

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, d] in df.commands_named(downloaders)
	d.pipelineLength > 1
	d.position < d.pipelineLength - 1
	ins := input.stages[s].instructions[i]
	not pipefail_set(s, i, k)
	not shell_pipefail(s, i)
	not feeds_shell(ins, k, d)
	not feeds_strict_consumer(ins, k, d)
	msg := sprintf("%s is piped into another command without set -o pipefail, so a failed download does not fail the build", [df.name(d)])
}

feeds_shell(ins, k, d) if {
	some c in df.pipe_after(ins, k)
	c.pipeline == d.pipeline
	c.parent == d.parent
	c.position > d.position
	regex.replace(c.base, `[0-9.]+$`, "") in shells
}

# Consumers that fail by themselves on empty or truncated input (compressed
# archives, key imports, checksum checks): the failure is not lost.
feeds_strict_consumer(ins, k, d) if {
	some c in df.pipe_after(ins, k)
	c.pipeline == d.pipeline
	c.parent == d.parent
	c.position == d.position + 1
	strict(c)
}

strict(c) if df.name(c) in {"gunzip", "zcat", "unxz", "xzcat", "bunzip2", "bzcat", "unzstd", "zstdcat", "apt-key", "sha256sum", "sha512sum", "sha1sum", "shasum", "md5sum", "gpgv", "cpio", "rpm2cpio", "dpkg", "funzip"}

strict(c) if {
	df.name(c) in {"tar", "bsdtar"}
	some a in df.options(c.args)
	tar_decompress(a)
}

strict(c) if {
	df.name(c) in {"gzip", "xz", "bzip2", "zstd"}
	df.cmd_has_flag(c, {"d"}, {"--decompress"})
}

strict(c) if {
	df.name(c) in {"gpg", "gpg2"}
	df.cmd_has_flag(c, set(), {"--import", "--verify", "--dearmor", "--enarmor"})
}

tar_decompress(a) if regex.match(`^-?[a-zA-Z]*[zjJ]`, a)

tar_decompress(a) if a in {"--gzip", "--gunzip", "--xz", "--bzip2", "--zstd", "--lzma", "--auto-compress"}

tar_decompress(a) if startswith(a, "--use-compress-program")

tar_decompress(a) if startswith(a, "-I")
