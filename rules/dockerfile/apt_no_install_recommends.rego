# METADATA
# title: apt-get install without --no-install-recommends
# description: >-
#   By default apt also installs every "recommended" package, often dozens of tools and
#   libraries the application never uses. Each is attack surface and a source of vulnerability
#   findings in the final image. Low. Only stages that end up in the final image are checked;
#   `-o APT::Install-Recommends=false` and an apt.conf setting written earlier count.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#apt-get
# - https://manpages.debian.org/bookworm/apt/apt.conf.5.en.html
# custom:
#   id: DF021
#   severity: low
#   remediation: Add `--no-install-recommends` and list the packages you need explicitly.
#   aliases: [DL3015, DS029, AVD-DS-0029]
package shiplint.dockerfile.apt_no_install_recommends

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

no_recommends(c) if df.cmd_has_flag(c, set(), {"--no-install-recommends"})

no_recommends(c) if {
	some v in df.cmd_flag_values(c, {"o"}, {"--option"})
	regex.match(`(?i)^APT::Install-Recommends=("|')?(false|0|no)`, v)
}

deny contains lib.finding_fix(msg, df.command_path(s, i, k), fix) if {
	some [s, i, k, c, "install"] in df.apt_commands
	df.in_chain(s)
	count(df.apt_packages(c)) > 0
	not no_recommends(c)
	not configured
	msg := sprintf("%s install also installs recommended packages: add --no-install-recommends", [df.name(c)])
	fix := lib.fix_insert("Add --no-install-recommends", df.fix_after(df.name(c), "install"), " --no-install-recommends")
}

# APT::Install-Recommends "false" written to apt.conf.d anywhere in the file.
configured if {
	some a in df.notable_args
	regex.match(`(?i)APT::Install-Recommends\s+"?(false|0|no)`, a)
}
