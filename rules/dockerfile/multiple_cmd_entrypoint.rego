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

# An instruction is overridden when the next one of its kind (the index
# lists them in source order) is in the same stage.
deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some kind in {"cmd", "entrypoint"}
	entries := df.instruction_index[kind]
	some p, [s, i] in entries
	entries[p + 1][0] == s
	line := input.stages[s].instructions[last_in_stage(kind, s)].line
	msg := sprintf("This %s is overridden by the %s at line %d and never takes effect", [upper(kind), upper(kind), line])
}

last_in_stage(kind, s) := max([i | some [t, i] in df.instruction_index[kind]; t == s])
