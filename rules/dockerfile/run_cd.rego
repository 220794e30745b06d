# METADATA
# title: RUN cd instead of WORKDIR
# description: >-
#   `RUN cd /dir && ...` changes directory for that one RUN only; later instructions silently run
#   elsewhere, and long `cd` chains are hard to review. Info: readability and correctness, not
#   security. Scripts run from a heredoc and `sh -c` strings are not reported.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#workdir
# custom:
#   id: DF039
#   severity: info
#   remediation: Use `WORKDIR /dir` before the RUN (or `make -C dir`, `git -C dir`, `--prefix`).
#   aliases: [DL3003, DS013, AVD-DS-0013]
package shiplint.dockerfile.run_cd

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, ins] in df.runs
	count(ins.heredocs) == 0
	cds := [j | some j, c in ins.commands; df.name(c) == "cd"; c.context == ""]
	count(cds) > 0
	k := cds[0]
	msg := "RUN changes directory with cd: use WORKDIR"
}
