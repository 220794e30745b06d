# METADATA
# title: zypper install without pinned package versions
# description: >-
#   `zypper install curl` installs whatever version the repositories serve on the day of the
#   build, so two builds of the same Dockerfile differ and a bad or compromised update is picked
#   up silently. Low, like the other pinning checks: it is reproducibility and supply-chain
#   hygiene. A package counts as pinned with a version constraint (`curl=8.6.0`,
#   `'curl>=8.6'`, `curl<9`) or a version after its name (`curl-8.6.0-1.1`). Local .rpm files,
#   paths, URLs, patterns, patches and products (`-t pattern`, `pattern:devel_basis`), provides
#   (`perl(JSON)`) and words whose value is not known are not reported.
# related_resources:
# - https://doc.opensuse.org/documentation/leap/reference/html/book-reference/cha-sw-cl.html
# - https://github.com/hadolint/hadolint/wiki/DL3037
# custom:
#   id: DF055
#   severity: low
#   remediation: >-
#     Name the version: `zypper --non-interactive install curl=8.6.0-150600.4.6.1`
#     (`zypper search -s curl` lists them).
#   aliases: [DL3037]
package shiplint.dockerfile.zypper_unpinned_packages

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"zypper"})
	names := unpinned(c)
	count(names) > 0
	msg := sprintf("zypper installs %s without a pinned version", [concat(", ", sort(names))])
}

unpinned(c) := {p |
	pos := df.cmd_positionals(c, df.zypper_valopts)
	pos[0] in {"install", "in"}
	packages_only(c)
	some p in array.slice(pos, 1, count(pos))
	not df.rpm_not_a_name(p)
	not df.rpm_versioned(p)
	not other_kind(p)
}

# -t pattern|patch|product|srcpackage installs things that are not packages.
packages_only(c) if {
	every t in df.cmd_flag_values(c, {"t"}, {"--type"}) {
		t == "package"
	}
}

other_kind(p) if regex.match(`^(pattern|patch|product|srcpackage|application):`, p)
