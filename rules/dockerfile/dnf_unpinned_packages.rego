# METADATA
# title: dnf or microdnf install without pinned package versions
# description: >-
#   `dnf install httpd` (or `microdnf install httpd`) installs whatever version the
#   repositories serve on the day of the build, so two builds of the same Dockerfile differ and a bad or compromised update is picked
#   up silently. Low, like the other pinning checks: it is reproducibility and supply-chain
#   hygiene, and many teams accept distribution packages floating on a pinned base image. A
#   package counts as pinned when a version follows its name (`httpd-2.4.57`,
#   `httpd-2.4.57-5.el9`, `bash-0:5.1.8`, `httpd-2.4.*`) or a comparison is given;
#   `dnf module install` needs a stream (`nodejs:18`). Local .rpm files, paths, URLs, groups
#   (`@core`), provides (`perl(JSON)`) and words whose value is not known are not reported.
# related_resources:
# - https://dnf.readthedocs.io/en/latest/command_ref.html#specifying-packages-label
# - https://github.com/hadolint/hadolint/wiki/DL3041
# custom:
#   id: DF054
#   severity: low
#   remediation: >-
#     Name the version: `dnf install -y httpd-2.4.57-5.el9` (`dnf list --showduplicates httpd`
#     lists them), or `dnf module install -y nodejs:18`; the same for microdnf.
#   aliases: [DL3041]
package shiplint.dockerfile.dnf_unpinned_packages

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(df.dnf_tools)
	names := unpinned(c)
	count(names) > 0
	msg := sprintf("%s installs %s without a pinned version", [df.name(c), concat(", ", sort(names))])
}

# dnf install / dnf module install (in is dnf's alias of install)
unpinned(c) := {p |
	some p in array.slice(pos, 1, count(pos))
	not df.rpm_not_a_name(p)
	not df.rpm_versioned(p)
} if {
	pos := df.cmd_positionals(c, df.rpm_valopts)
	pos[0] in install_words
}

unpinned(c) := {p |
	some p in array.slice(pos, 2, count(pos))
	not df.rpm_not_a_name(p)
	not contains(p, ":")
} if {
	pos := df.cmd_positionals(c, df.rpm_valopts)
	pos[0] == "module"
	pos[1] == "install"
}

install_words := {"install", "in"}
