# METADATA
# title: apt-get without -y
# description: >-
#   Without `-y` apt-get asks for confirmation; a build has no terminal, so it aborts or, with
#   some front ends, hangs. Low: it breaks builds in confusing ways rather than weakening the
#   image. `-qq` (which implies `-y`), `--yes`, `--assume-yes`, `-o APT::Get::Assume-Yes=true`,
#   an apt.conf setting written earlier, and `yes |` all count.
# related_resources:
# - https://manpages.debian.org/bookworm/apt/apt-get.8.en.html
# - https://docs.docker.com/build/building/best-practices/#apt-get
# custom:
#   id: DF020
#   severity: low
#   remediation: Add `-y` (`apt-get install -y --no-install-recommends pkg`).
#   aliases: [DL3014, DS021, AVD-DS-0021]
package shiplint.dockerfile.apt_get_missing_yes

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

prompting := {"install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "build-dep", "reinstall", "autopurge"}

assumes_yes(c) if df.cmd_has_flag(c, {"y"}, {"--yes", "--assume-yes", "--force-yes"})

# -qq and -q=2 imply -y
assumes_yes(c) if {
	some a in df.options(c.args)
	regex.match(`^(-[a-zA-Z]*q[a-zA-Z]*q[a-zA-Z]*|-q=?[2-9]|--quiet=[2-9])$`, a)
}

assumes_yes(c) if {
	some v in df.cmd_flag_values(c, {"o"}, {"--option"})
	regex.match(`(?i)^APT::Get::Assume-Yes=("|')?(true|1|yes)`, v)
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c, sub] in df.apt_commands
	sub in prompting
	not assumes_yes(c)
	not df.piped_yes(s, i, c)
	not configured
	msg := sprintf("%s %s has no -y, so it waits for a confirmation the build cannot give", [df.name(c), sub])
}

# APT::Get::Assume-Yes written to apt.conf.d anywhere in the file.
configured if {
	some a in df.notable_args
	regex.match(`(?i)APT::Get::Assume-Yes\s+"?(true|1|yes)`, a)
}
