# METADATA
# title: yum, dnf or zypper upgrades every package at build time
# description: >-
#   `yum update`, `dnf upgrade`, `microdnf update` and `zypper update`/`zypper patch` with no
#   package named upgrade every package of the base image, so the image depends on the day it
#   was built rather than on the base image version chosen; `zypper dist-upgrade` can even move
#   the image to packages its base image was not built for. Info: upgrading is not a
#   vulnerability (it often patches some); rebuilding on an updated base image is the
#   reproducible way to get the same fixes. Upgrading named packages is not reported.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#apt-get
# - https://dnf.readthedocs.io/en/latest/command_ref.html#upgrade-command-label
# - https://github.com/hadolint/hadolint/wiki/DL3035
# custom:
#   id: DF056
#   severity: info
#   remediation: >-
#     Rebuild on a newer base image (or a digest your update bot bumps) instead of upgrading
#     inside the Dockerfile; upgrade or install the specific packages that need a fix
#     (`dnf upgrade -y openssl`).
#   aliases: [DL3035]
package shiplint.dockerfile.rpm_upgrade

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

rpm_upgrades := {
	"update", "upgrade", "up", "update-minimal", "upgrade-minimal", "distro-sync", "distrosync",
	"distribution-synchronization", "dsync", "dist-upgrade",
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(df.yum_tools)
	pos := df.cmd_positionals(c, df.rpm_valopts)
	pos[0] in rpm_upgrades
	count(pos) == 1
	msg := sprintf("%s %s upgrades every package at build time, so the image depends on the build date", [df.name(c), pos[0]])
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"zypper"})
	pos := df.cmd_positionals(c, df.zypper_valopts)
	sub := pos[0]
	zypper_upgrades_all(c, sub, pos)
	msg := sprintf("zypper %s upgrades every package at build time, so the image depends on the build date", [sub])
}

zypper_upgrades_all(_, sub, _) if sub in {"dist-upgrade", "dup"}

zypper_upgrades_all(_, sub, pos) if {
	sub in {"update", "up"}
	count(pos) == 1
}

# zypper patch applies every needed patch unless it is given a selection.
zypper_upgrades_all(c, "patch", pos) if {
	count(pos) == 1
	not df.cmd_has_flag(c, {"b", "g"}, {"--bugzilla", "--bz", "--cve", "--category", "--severity", "--date"})
}
