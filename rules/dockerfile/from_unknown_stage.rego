# METADATA
# title: FROM names a stage that is not defined yet
# description: >-
#   `FROM name` only refers to a stage defined earlier in the file. When `name` is the stage's own
#   alias or one defined later, BuildKit pulls an image called `name` from Docker Hub instead: the
#   build silently uses an unrelated (possibly malicious) public image. Medium.
# related_resources:
# - https://docs.docker.com/build/building/multi-stage/#use-a-previous-stage-as-a-new-stage
# custom:
#   id: DF046
#   severity: medium
#   remediation: Move the named stage above the one that uses it, or fix the name.
package shiplint.dockerfile.from_unknown_stage

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, ["stages", s.index, "from"]) if {
	some s in input.stages
	s.from.stage == null
	s.from.resolved
	not s.from.scratch
	df.stage_last_index[lower(s.from.ref)] >= s.index
	msg := sprintf("FROM %s names a stage that is defined here or later, so an image %q is pulled instead", [s.from.ref, s.from.ref])
}
