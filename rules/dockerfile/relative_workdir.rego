# METADATA
# title: Relative WORKDIR with no absolute WORKDIR before it
# description: >-
#   A relative WORKDIR is resolved against whatever directory the base image left as current, so
#   files land somewhere else when the base image changes, and commands relying on paths act on
#   the wrong files. Low. A relative WORKDIR after an absolute one in the same stage (or a stage
#   it is built FROM) is well defined and not reported; variables and Windows paths are skipped.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#workdir
# - https://docs.docker.com/reference/build-checks/workdir-relative-path/
# custom:
#   id: DF038
#   severity: low
#   remediation: Use an absolute path (`WORKDIR /app`).
#   aliases: [DL3000, DS009, AVD-DS-0009, CKV_DOCKER_10, WorkdirRelativePath]
package shiplint.dockerfile.relative_workdir

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

absolute(p) if regex.match(`^(["']?/|\$|["']?[A-Za-z]:[\\/]|\\)`, p)

absolute_before(s, i) if {
	some j, ins in input.stages[s].instructions
	j < i
	ins.cmd == "workdir"
	absolute(ins.args[0])
}

absolute_before(s, _) if {
	some t in graph.reachable(df.parents, {s})
	t != s
	some ins in input.stages[t].instructions
	ins.cmd == "workdir"
	absolute(ins.args[0])
}

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"workdir"})
	p := ins.args[0]
	not absolute(p)
	not absolute_before(s, i)
	msg := sprintf("WORKDIR %s is relative to a directory set by the base image: use an absolute path", [p])
}
