# METADATA
# title: apt-get upgrade or dist-upgrade in a Dockerfile
# description: >-
#   Upgrading every package inside the build makes the image depend on the day it was built, not
#   on the base image version you chose, and `dist-upgrade` can move to packages the base image
#   was not built for. Info: it is not a vulnerability (it often patches some); updating the base
#   image tag is the reproducible way to get the same fixes.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#apt-get
# custom:
#   id: DF023
#   severity: info
#   remediation: >-
#     Rebuild on a newer base image (or a digest your update bot bumps) instead of upgrading
#     inside the Dockerfile; install specific packages with `apt-get install` if one needs a fix.
#   aliases: [DS024, AVD-DS-0024]
package shiplint.dockerfile.apt_upgrade

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c, sub] in df.apt_commands
	sub in {"upgrade", "dist-upgrade", "full-upgrade"}
	msg := sprintf("%s %s upgrades every package at build time, so the image depends on the build date", [df.name(c), sub])
}
