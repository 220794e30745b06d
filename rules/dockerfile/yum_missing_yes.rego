# METADATA
# title: yum, dnf or zypper without non-interactive confirmation
# description: >-
#   yum, dnf and zypper ask for confirmation before installing; with no terminal in a build the
#   command aborts or waits. Low: it breaks builds rather than weakening the image. microdnf never
#   asks and is not reported.
# related_resources:
# - https://dnf.readthedocs.io/en/latest/command_ref.html#assumeyes-command-label
# - https://en.opensuse.org/SDB:Zypper_manual
# custom:
#   id: DF028
#   severity: low
#   remediation: Add `-y` (yum/dnf) or run `zypper --non-interactive install ...` (`zypper -n in`).
#   aliases: [DL3030, DL3038, DL3034]
package shiplint.dockerfile.yum_missing_yes

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

yum_prompting := {"install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "remove", "erase", "downgrade", "distro-sync", "autoremove", "in", "rm", "up"}

zypper_prompting := {"install", "in", "remove", "rm", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si"}

yum_valopts := {"-c", "--config", "--installroot", "--releasever", "--setopt", "-x", "--exclude", "--enablerepo", "--disablerepo", "--repo", "--repoid", "-d", "--debuglevel", "-e", "--errorlevel", "--forcearch", "--nobest"}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(df.yum_tools)
	sub := df.subcommand(c, yum_valopts)
	sub in yum_prompting
	not df.cmd_has_flag(c, {"y"}, {"--assumeyes"})
	not df.piped_yes(s, i, c)
	msg := sprintf("%s %s has no -y, so it waits for a confirmation the build cannot give", [df.name(c), sub])
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"zypper"})
	sub := df.subcommand(c, {"--root", "-R", "--reposd-dir", "-D", "--cache-dir", "-C", "--config", "-c"})
	sub in zypper_prompting
	not df.cmd_has_flag(c, {"n", "y"}, {"--non-interactive", "--no-confirm"})
	not df.piped_yes(s, i, c)
	msg := sprintf("zypper %s is not --non-interactive, so it waits for a confirmation the build cannot give", [sub])
}
