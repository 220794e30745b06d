# METADATA
# title: COPY --from names no stage and pulls an image of that name
# description: >-
#   When `--from=name` matches no earlier stage, BuildKit treats it as an image reference and
#   pulls `docker.io/library/name:latest`. A typo in a stage name thus copies files from whatever
#   public image has that name, an easy dependency-confusion target. Medium. References that look
#   like images (with a registry, tag, digest or path) and build arguments are not reported.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#copy---from
# - https://docs.docker.com/build/building/multi-stage/
# custom:
#   id: DF045
#   severity: medium
#   remediation: >-
#     Fix the stage name, or write the image reference in full with a tag or digest
#     (`COPY --from=docker.io/library/nginx:1.27 ...`).
#   aliases: [DL3022]
package shiplint.dockerfile.copy_from_unknown_stage

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

earlier_stage(s, v) if df.stage_first_index[lower(v)] < s

earlier_stage(s, v) if {
	regex.match(`^[0-9]+$`, v)
	to_number(v) < s
}

deny contains lib.finding(msg, ["stages", s, "instructions", i, "flags", df.flag_index(ins, "from")]) if {
	some [s, i, ins] in df.instructions_named({"copy", "add"})
	v := df.flag(ins, "from")
	v != ""
	not contains(v, "$")
	not regex.match(`[/:@.]`, v)
	not lower(v) == input.stages[s].name
	not earlier_stage(s, v)
	msg := sprintf("COPY --from=%s matches no earlier stage, so the image %q is pulled from Docker Hub", [v, v])
}
