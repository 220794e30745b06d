# METADATA
# title: RUN cd instead of WORKDIR
# description: >-
#   `RUN cd /dir && ...` changes directory for that one RUN only; later instructions silently run
#   elsewhere, and long `cd` chains are hard to review. Info: readability and correctness, not
#   security. Scripts run from a heredoc and `sh -c` strings are not reported, nor a `cd` into a
#   build directory the same RUN removes again (WORKDIR would leave it in the image).
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
	some [s, i] in cd_runs
	count(input.stages[s].instructions[i].heredocs) == 0
	cds := [j | some [j, c] in df.run_named(s, i, {"cd"}); c.context == ""; not scratch_cd(s, i, j, c)]
	count(cds) > 0
	k := cds[0]
	msg := "RUN changes directory with cd: use WORKDIR"
}

# cd into a build directory that the same RUN removes again (compile from
# source, then clean up), back to /, or to a variable: WORKDIR would leave
# that directory behind or cannot say where it is.
scratch_cd(s, i, j, c) if df.removed_later(s, i, j, c.args[0])

scratch_cd(_, _, _, c) if c.args[0] in {"/", "-", "..", "~"}

scratch_cd(_, _, _, c) if startswith(c.args[0], "$")

scratch_cd(_, _, _, c) if count(c.args) == 0

# A relative cd after an earlier cd moves within that directory (into an
# unpacked source tree); the first cd is the one to judge.
scratch_cd(s, i, j, c) if {
	not startswith(c.args[0], "/")
	df.run_named(s, i, {"cd"})[0][0] < j
}

# cd_runs are the [s, i] of the RUNs that run cd.
cd_runs := {[s, i] | some [s, i, _, _] in df.commands_named({"cd"})}
