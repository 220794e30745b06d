# METADATA
# title: Two stages with the same name
# description: >-
#   Stage names must be unique (case-insensitively); with a duplicate, `COPY --from=name`,
#   `FROM name` and `--target name` refer to a different stage than the reader expects, or the
#   build fails. Low.
# related_resources:
# - https://docs.docker.com/build/building/multi-stage/
# - https://docs.docker.com/reference/build-checks/duplicate-stage-name/
# custom:
#   id: DF043
#   severity: low
#   remediation: Give every stage its own name.
#   aliases: [DL3024, DS012, AVD-DS-0012, CKV_DOCKER_11, DuplicateStageName]
package shiplint.dockerfile.duplicate_stage_name

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, ["stages", s.index, "name"]) if {
	count(df.duplicate_stage_names) > 0
	some s in input.stages
	s.name in df.duplicate_stage_names
	some t in input.stages
	t.index < s.index
	t.name == s.name
	msg := sprintf("Stage name %q is already used by the stage at line %d", [s.name, t.from.line])
}
