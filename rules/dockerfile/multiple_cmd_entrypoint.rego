# METADATA
# title: More than one CMD or ENTRYPOINT in a stage
# description: >-
#   Only the last CMD and the last ENTRYPOINT of a stage take effect; earlier ones are dead code
#   that readers (and reviewers) may take for what the container runs. Info: no direct security
#   effect, but it hides what actually starts.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#cmd
# - https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/
# custom:
#   id: DF035
#   severity: info
#   remediation: Keep a single CMD and a single ENTRYPOINT per stage, at the end.
#   aliases: [DL4003, DL4004, DS016, AVD-DS-0016, DS007, AVD-DS-0007, MultipleInstructionsDisallowed]
package shiplint.dockerfile.multiple_cmd_entrypoint

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"cmd", "entrypoint"})
	later_lines := [l.line | some j, l in input.stages[s].instructions; j > i; l.cmd == ins.cmd]
	count(later_lines) > 0
	msg := sprintf("This %s is overridden by the %s at line %d and never takes effect", [upper(ins.cmd), upper(ins.cmd), later_lines[count(later_lines) - 1]])
}
