# METADATA
# title: yum, dnf or zypper cache left in the layer
# description: >-
#   yum, dnf, microdnf and zypper keep repository metadata and packages under /var/cache; unless
#   the same RUN cleans it, it stays in the layer for good (often 100+ MB) along with a stale index.
#   Low. `yum/dnf/microdnf clean all`, `zypper clean`, removing /var/cache/{yum,dnf,zypp} or a
#   cache mount count; builder stages not in the final image are not checked.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#run
# - https://dnf.readthedocs.io/en/latest/command_ref.html#clean-command
# custom:
#   id: DF029
#   severity: low
#   remediation: >-
#     End the same RUN with `&& dnf clean all` (`yum clean all`, `microdnf clean all`,
#     `zypper clean --all`), or use `RUN --mount=type=cache,target=/var/cache/dnf ...`.
#   aliases: [DL3032, DL3040, DL3036, DS015, AVD-DS-0015, DS019, AVD-DS-0019, AVD-DS-0020]
package shiplint.dockerfile.yum_cache_not_cleaned

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

rpm_tools := df.yum_tools | {"microdnf"}

installs := {"install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "in", "up", "distro-sync", "downgrade", "module"}

zypper_installs := {"install", "in", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si"}

valopts := {"-c", "--config", "--installroot", "--releasever", "--setopt", "-x", "--exclude", "--enablerepo", "--disablerepo", "--repo", "--repoid", "-d", "-e", "--root", "-R", "-D", "-C", "--cache-dir"}

cleaned(s, i, _, k) if cleans(s, i)[_] > k

# cleans are the indexes of the clean commands of RUN (s, i).
cleans(s, i) := [j |
	some [j, c] in df.run_named(s, i, rpm_tools | {"zypper"})
	df.subcommand(c, valopts) in {"clean", "cc"}
]

cleaned(s, i, _, k) if df.last_removal(s, i, {"/var/cache/yum/", "/var/cache/dnf/", "/var/cache/zypp/", "/var/cache/libdnf5/", "/var/cache/tdnf/", "/var/cache/*/", "/var/cache/"}) > k

cleaned(_, _, ins, _) if df.cache_mounted(ins, "/var/cache/dnf")

cleaned(_, _, ins, _) if df.cache_mounted(ins, "/var/cache/yum")

cleaned(_, _, ins, _) if df.cache_mounted(ins, "/var/cache/zypp")

installing(c) if {
	df.name(c) in rpm_tools
	df.subcommand(c, valopts) in installs
}

installing(c) if {
	df.name(c) == "zypper"
	df.subcommand(c, valopts) in zypper_installs
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(rpm_tools | {"zypper"})
	df.in_chain(s)
	installing(c)
	ins := input.stages[s].instructions[i]
	not cleaned(s, i, ins, k)
	msg := sprintf("%s %s leaves its cache in the layer: clean it in the same RUN", [df.name(c), df.subcommand(c, valopts)])
}
