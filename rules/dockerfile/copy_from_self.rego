# METADATA
# title: COPY --from names the stage it is in
# description: >-
#   A stage cannot copy from itself: `COPY --from=<current stage>` fails the build or, if a stage
#   index is used, points at a different stage than intended. Low.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#copy---from
# custom:
#   id: DF044
#   severity: low
#   remediation: Name the earlier stage that holds the files (`COPY --from=build ...`).
#   aliases: [DL3023, DS006, AVD-DS-0006]
package shiplint.dockerfile.copy_from_self

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

self_ref(stage, v) if lower(v) == stage.name

self_ref(stage, v) if v == sprintf("%d", [stage.index])

deny contains lib.finding(msg, ["stages", s, "instructions", i, "flags", df.flag_index(ins, "from")]) if {
	some [s, i, ins] in df.instructions_named({"copy", "add"})
	v := df.flag(ins, "from")
	self_ref(input.stages[s], v)
	msg := sprintf("COPY --from=%s names the stage it is in: a stage cannot copy from itself", [v])
}
