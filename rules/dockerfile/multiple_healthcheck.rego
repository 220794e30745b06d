# METADATA
# title: More than one HEALTHCHECK in a stage
# description: >-
#   Only the last HEALTHCHECK of a stage takes effect, so an earlier one is dead code that misleads
#   readers about how the container's health is judged. Info.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#healthcheck
# custom:
#   id: DF036
#   severity: info
#   remediation: Keep a single HEALTHCHECK per stage.
#   aliases: [DL3012, DS023, AVD-DS-0023, MultipleInstructionsDisallowed]
package shiplint.dockerfile.multiple_healthcheck

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

# A HEALTHCHECK is overridden when the next one (the index lists them in
# source order) is in the same stage.
deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	entries := df.instruction_index.healthcheck
	some p, [s, i] in entries
	entries[p + 1][0] == s
	line := input.stages[s].instructions[last_in_stage(s)].line
	msg := sprintf("This HEALTHCHECK is overridden by the HEALTHCHECK at line %d", [line])
}

last_in_stage(s) := max([i | some [t, i] in df.instruction_index.healthcheck; t == s])
