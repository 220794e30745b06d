# METADATA
# title: apt lists left in the layer
# description: >-
#   `apt-get update` downloads package lists (tens of MB) into /var/lib/apt/lists. Unless the same
#   RUN deletes them, they stay in that layer for good, bloating every pull, and a stale index in
#   the image invites later `apt-get install` without `update`. Low. `apt-get clean` does not
#   remove them; `rm -rf /var/lib/apt/lists/*` after the install, `apt-get distclean`, or a cache
#   or tmpfs mount on /var/lib/apt does. Builder stages that are not part of the final image are
#   not checked.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#apt-get
# - https://docs.docker.com/build/cache/optimize/#use-cache-mounts
# custom:
#   id: DF022
#   severity: low
#   remediation: >-
#     End the same RUN with `&& rm -rf /var/lib/apt/lists/*`, or use
#     `RUN --mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked`.
#   aliases: [DL3009]
package shiplint.dockerfile.apt_lists_not_removed

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

removed(s, i, ins, k) if df.last_removal(s, i, {"/var/lib/apt/lists/", "/var/lib/apt/"}) > k

removed(s, i, ins, k) if last_distclean(s, i) > k

# last_distclean is the index of the last apt-get distclean of RUN (s, i),
# or -1 (once per RUN, however many updates it holds).
last_distclean(s, i) := max(array.concat([-1], [j |
	some [j, c] in df.run_named(s, i, df.apt_tools)
	df.apt_sub(c) in {"distclean", "dist-clean"}
]))

removed(_, _, ins, _) if df.cache_mounted(ins, "/var/lib/apt/lists")

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c, "update"] in df.apt_commands
	df.in_chain(s)
	ins := input.stages[s].instructions[i]
	not removed(s, i, ins, k)
	msg := sprintf("%s update leaves /var/lib/apt/lists in the layer: remove it in the same RUN", [df.name(c)])
}
