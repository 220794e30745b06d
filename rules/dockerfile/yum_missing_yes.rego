# METADATA
# title: yum, dnf or zypper without non-interactive confirmation
# description: >-
#   yum, dnf, microdnf and zypper ask for confirmation before installing; with no terminal in a
#   build the command aborts or waits. Low: it breaks builds rather than weakening the image.
#   (microdnf assumed yes until 2021; since microdnf 3.7, in UBI/RHEL 9 and later, it asks like
#   dnf.)
# related_resources:
# - https://dnf.readthedocs.io/en/latest/command_ref.html#assumeyes-command-label
# - https://github.com/rpm-software-management/microdnf/pull/97
# - https://en.opensuse.org/SDB:Zypper_manual
# custom:
#   id: DF028
#   severity: low
#   remediation: Add `-y` (yum/dnf/microdnf) or run `zypper --non-interactive install ...` (`zypper -n in`).
#   aliases: [DL3030, DL3038, DL3034]
package shiplint.dockerfile.yum_missing_yes

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

yum_prompting := {"install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "remove", "erase", "downgrade", "distro-sync", "autoremove", "in", "rm", "up"}

zypper_prompting := {"install", "in", "remove", "rm", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si"}

deny contains lib.finding_fix(msg, df.command_path(s, i, k), lib.fix_insert("Add -y", df.fix_after(df.name(c), sub), " -y")) if {
	some [s, i, k, c] in df.commands_named(df.yum_tools)
	sub := df.subcommand(c, df.rpm_valopts)
	sub in yum_prompting
	not df.cmd_has_flag(c, {"y"}, {"--assumeyes"})
	not df.piped_yes(s, i, c)
	msg := sprintf("%s %s has no -y, so it waits for a confirmation the build cannot give", [df.name(c), sub])
}

deny contains lib.finding_fix(msg, df.command_path(s, i, k), lib.fix_insert("Add -y", df.fix_after("zypper", sub), " -y")) if {
	some [s, i, k, c] in df.commands_named({"zypper"})
	sub := df.subcommand(c, {"--root", "-R", "--reposd-dir", "-D", "--cache-dir", "-C", "--config", "-c"})
	sub in zypper_prompting
	not df.cmd_has_flag(c, {"n", "y"}, {"--non-interactive", "--no-confirm"})
	not df.piped_yes(s, i, c)
	msg := sprintf("zypper %s is not --non-interactive, so it waits for a confirmation the build cannot give", [sub])
}
