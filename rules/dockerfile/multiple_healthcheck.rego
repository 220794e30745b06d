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

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"healthcheck"})
	later_lines := [l.line | some j, l in input.stages[s].instructions; j > i; l.cmd == "healthcheck"]
	count(later_lines) > 0
	msg := sprintf("This HEALTHCHECK is overridden by the HEALTHCHECK at line %d", [later_lines[count(later_lines) - 1]])
}
