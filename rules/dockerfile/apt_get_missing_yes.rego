# METADATA
# title: apt-get without -y
# description: >-
#   Without `-y` apt-get asks for confirmation; a build has no terminal, so it aborts or, with
#   some front ends, hangs. Low: it breaks builds in confusing ways rather than weakening the
#   image. Quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet --quiet`, which implies `-y`), `--yes`, `--assume-yes`, `-o APT::Get::Assume-Yes=true`,
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

# Quiet level 2 implies -y (apt-get(8)). apt counts every -q, in a cluster
# or not (-qq, -q -q, -yq -q, --quiet --quiet), and -q=N / --quiet=N sets
# the level, later options counting on from it.
assumes_yes(c) if {
	quiet_given(c)
	quiet_level(c) >= 2
}

# (facts first: most apt-get commands have no -q at all)
quiet_given(c) if contains(c.shortFlags, "q")

quiet_given(c) if "--quiet" in c.optionNames

quiet_given(c) if not input.commandIndex

assumes_yes(c) if {
	some v in df.cmd_flag_values(c, {"o"}, {"--option"})
	regex.match(`(?i)^APT::Get::Assume-Yes=("|')?(true|1|yes)`, v)
}

assumes_yes(c) if {
	some v in df.cmd_flag_values(c, {"o"}, {"--option"})
	some m in regex.find_all_string_submatch_n(`(?i)^quiet=("|')?([0-9]+)`, v, 1)
	to_number(m[2]) >= 2
}

quiet_level(c) := sum([n | some k, [_, n] in steps; k >= start]) if {
	steps := [step | some a in df.options(c.args); step := quiet_step(a)]
	count(steps) > 0
	sets := [k | some k, [kind, _] in steps; kind == "set"]
	start := last_or_zero(sets)
}

last_or_zero(l) := max(l) if count(l) > 0

last_or_zero(l) := 0 if count(l) == 0

quiet_step(a) := ["set", to_number(substring(a, indexof(a, "=") + 1, -1))] if regex.match(`^(-q|--quiet)=[0-9]{1,3}$`, a)

quiet_step(a) := ["inc", 1] if a == "--quiet"

# -qq, -yq: the letters before one that takes a value (-o, -c, -t, -a)
quiet_step(a) := ["inc", n] if {
	regex.match(`^-[a-zA-Z]+$`, a)
	letters := regex.replace(substring(a, 1, -1), `[octa].*$`, "")
	n := count([x | some x in split(letters, ""); x == "q"])
	n > 0
}

deny contains lib.finding_fix(msg, df.command_path(s, i, k), fix) if {
	some [s, i, k, c, sub] in df.apt_commands
	sub in prompting
	not assumes_yes(c)
	not df.piped_yes(s, i, c)
	not configured
	msg := sprintf("%s %s has no -y, so it waits for a confirmation the build cannot give", [df.name(c), sub])
	fix := lib.fix_insert("Add -y", df.fix_after(df.name(c), sub), " -y")
}

# APT::Get::Assume-Yes written to apt.conf.d anywhere in the file.
configured if {
	some a in df.notable_args
	regex.match(`(?i)APT::Get::Assume-Yes\s+"?(true|1|yes)`, a)
}
