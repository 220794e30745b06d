# METADATA
# title: Package index update alone in its own RUN
# description: >-
#   `RUN apt-get update` (or `apk update`) on its own is cached as a layer; a later
#   `RUN apt-get install` then reuses that old index even after the package list changes, so it
#   installs outdated, possibly vulnerable versions or fails on removed ones. Low. A RUN counts as
#   "alone" when nothing after the update in it installs or runs anything (only cleanup).
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#apt-get
# custom:
#   id: DF025
#   severity: low
#   frameworks: {cis-docker: "4.7"}
#   remediation: >-
#     Update and install in the same RUN: `RUN apt-get update && apt-get install -y --no-install-recommends pkg && rm -rf /var/lib/apt/lists/*`
#     (`apk add --no-cache pkg` needs no update at all).
#   aliases: [DS017, AVD-DS-0017, CKV_DOCKER_5]
package shiplint.dockerfile.update_alone

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

harmless := {"rm", "echo", "true", ":", "set", "printf"}

update(c) if df.apt_sub(c) == "update"

update(c) if {
	df.name(c) == "apk"
	df.subcommand(c, set()) == "update"
}

cleanup(c) if df.name(c) in harmless

cleanup(c) if df.apt_sub(c) in {"clean", "autoclean", "update"}

cleanup(c) if update(c)

# updates are the [s, i, k, command] of the index updates.
updates := {[s, i, k, c] | some [s, i, k, c, "update"] in df.apt_commands} | {[s, i, k, c] |
	some [s, i, k, c] in df.commands_named({"apk"})
	update(c)
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in updates
	not works_after(s, i, k)
	msg := sprintf("%s update runs in a RUN that installs nothing: its cached index goes stale for later installs", [df.name(c)])
}

package_tools := df.apt_tools | {"apk"}

# works_after holds when a command after command k of RUN (s, i) is not a
# cleanup; the search stops at the first one (usually the next command).
works_after(s, i, k) if {
	cmds := input.stages[s].instructions[i].commands
	some d in array.slice(cmds, k + 1, count(cmds))
	not d.base in harmless
	not d.base in package_tools
}

works_after(s, i, k) if {
	some [j, d] in df.run_named(s, i, package_tools)
	j > k
	not cleanup(d)
}
