# METADATA
# title: Package index update alone in its own RUN
# description: >-
#   `RUN apt-get update` (or `apk update`, `zypper refresh`, `dnf makecache`) on its own is
#   cached as a layer; a later `RUN apt-get install` then reuses that old index even after the
#   package list changes, so it installs outdated, possibly vulnerable versions or fails on
#   removed ones. Low. A RUN counts as "alone" when nothing after the update in it installs or
#   runs anything (only cleanup).
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

# zypper refresh / ref (with or without repository names)
update(c) if {
	df.name(c) == "zypper"
	df.subcommand(c, df.zypper_valopts) in {"refresh", "ref"}
}

# yum/dnf/microdnf makecache
update(c) if {
	df.name(c) in df.yum_tools
	df.subcommand(c, df.rpm_valopts) == "makecache"
}

cleanup(c) if df.name(c) in harmless

cleanup(c) if df.apt_sub(c) in {"clean", "autoclean", "update"}

cleanup(c) if {
	df.name(c) == "zypper"
	df.subcommand(c, df.zypper_valopts) in {"clean", "cc"}
}

cleanup(c) if {
	df.name(c) in df.yum_tools
	df.subcommand(c, df.rpm_valopts) == "clean"
}

cleanup(c) if update(c)

# updates are the [s, i, k, command] of the index updates.
updates := {[s, i, k, c] | some [s, i, k, c, "update"] in df.apt_commands} | {[s, i, k, c] |
	some [s, i, k, c] in df.commands_named(index_tools)
	update(c)
}

index_tools := df.yum_tools | {"apk", "zypper"}

# what the message calls the update
update_words(c) := "update" if df.name(c) in df.apt_tools | {"apk"}

update_words(c) := df.subcommand(c, df.zypper_valopts) if df.name(c) == "zypper"

update_words(c) := "makecache" if df.name(c) in df.yum_tools

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in updates
	not works_after(s, i, k)
	msg := sprintf("%s %s runs in a RUN that installs nothing: its cached index goes stale for later installs", [df.name(c), update_words(c)])
}

package_tools := df.apt_tools | index_tools

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
