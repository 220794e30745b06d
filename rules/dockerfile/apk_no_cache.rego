# METADATA
# title: apk add without --no-cache
# description: >-
#   `apk add` without `--no-cache` keeps the package index and cache under /var/cache/apk in the
#   layer: extra megabytes in every pull, and a stale index shipped in the image. Low. A cache or
#   tmpfs mount on /var/cache/apk, or removing it later in the same RUN, counts; builder stages
#   that are not part of the final image are not checked.
# related_resources:
# - https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Local_Cache
# - https://docs.docker.com/build/building/best-practices/#run
# custom:
#   id: DF026
#   severity: low
#   remediation: Use `apk add --no-cache pkg` (no `apk update` needed).
#   aliases: [DL3019, DS025, AVD-DS-0025]
package shiplint.dockerfile.apk_no_cache

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

apk_valopts := {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"}

cached(s, i, ins, c, k) if df.cmd_has_flag(c, set(), {"--no-cache", "--no-network"})

cached(s, i, ins, c, k) if df.cache_mounted(ins, "/var/cache/apk")

cached(s, i, ins, c, k) if df.cache_mounted(ins, "/etc/apk/cache")

cached(s, i, ins, c, k) if df.last_removal(s, i, {"/var/cache/apk", "/etc/apk/cache"}) > k

deny contains lib.finding_fix(msg, df.command_path(s, i, k), fix) if {
	some [s, i, k, c] in df.commands_named({"apk"})
	df.in_chain(s)
	df.subcommand(c, apk_valopts) == "add"
	ins := input.stages[s].instructions[i]
	not cached(s, i, ins, c, k)
	msg := "apk add keeps its package cache in the layer: add --no-cache"
	fix := lib.fix_insert("Add --no-cache", df.fix_after(df.name(c), "add"), " --no-cache")
}
