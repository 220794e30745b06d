# METADATA
# title: apt used instead of apt-get
# description: >-
#   `apt` is the interactive front end; its output and behaviour are not a stable interface and it
#   warns so in scripts. `apt-get` is meant for scripts and builds. Info: a maintainability issue
#   with no direct security effect.
# related_resources:
# - https://manpages.debian.org/bookworm/apt/apt.8.en.html#SCRIPT_USAGE_AND_DIFFERENCES_FROM_OTHER_APT_TOOLS
# custom:
#   id: DF024
#   severity: info
#   remediation: Use `apt-get` (and `apt-cache`) in Dockerfiles.
#   aliases: [DL3027, CKV_DOCKER_9]
package shiplint.dockerfile.apt_instead_of_apt_get

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding_fix(msg, df.command_path(s, i, k), lib.fix_replace("Use apt-get", `^apt(\s)`, "apt-get$1")) if {
	some [s, i, k, c, sub] in df.apt_commands
	df.name(c) == "apt"
	sub in {"install", "update", "upgrade", "full-upgrade", "dist-upgrade", "remove", "purge", "autoremove", "reinstall"}
	msg := sprintf("apt %s is the interactive front end: use apt-get in a Dockerfile", [sub])
}
