# METADATA
# description: >-
#   Helpers shared by the Dockerfile rules: walking instructions and RUN commands, reading
#   command-line options the way the programs do (combined short flags, --long=value,
#   options after operands, "--"), instruction flags, and the chain of stages that makes up
#   the final image.
package shiplint.lib.dockerfile

import data.shiplint.lib

# instructions yields [stage index, instruction index, instruction].
instructions contains [s, i, ins] if {
	some s, stage in input.stages
	some i, ins in stage.instructions
}

# runs yields every RUN instruction.
runs contains [s, i, ins] if {
	some [s, i, ins] in instructions
	ins.cmd == "run"
}

# commands yields [s, i, k, command] for every simple command of every RUN.
commands contains [s, i, k, c] if {
	some [s, i, ins] in runs
	some k, c in ins.commands
}

command_path(s, i, k) := ["stages", s, "instructions", i, "commands", k]

# command_index maps a program's base name to the [s, i, k] of its commands,
# in source order: input.commandIndex as the parser writes it, or the same
# built from commands for hand-written inputs that have none.
command_index := input.commandIndex

command_index := {n: [[s, i, k] | some [s, i, k, c] in commands; name(c) == n] |
	some n in {name(c) | some [_, _, _, c] in commands}
} if not input.commandIndex

# commands_named yields [s, i, k, command] for the commands whose program
# (base name) is one of names, without visiting any other command. Bind it
# to a rule without arguments (cmds := df.commands_named({"apk"})) so it is
# computed once per document.
commands_named(names) := [[s, i, k, input.stages[s].instructions[i].commands[k]] |
	some n in names & command_names
	some [s, i, k] in command_index[n]
]

# command_names are the base names of the programs the file runs.
command_names := {n | some n, _ in command_index}

# run_named are the [k, command] of RUN (s, i) whose program (base name) is
# one of names, in source order: a per-RUN fact, computed once for each RUN
# that asks. When the file runs few such commands they are picked from the
# index, otherwise from the RUN's own commands; either way the cost stays
# linear in the size of the file.
run_named(s, i, names) := sort([[k, input.stages[s].instructions[i].commands[k]] |
	some n in present
	some [t, j, k] in command_index[n]
	t == s
	j == i
]) if {
	present := names & command_names
	sum([count(command_index[n]) | some n in present]) <= run_named_limit
} else := [[k, c] |
	some k, c in input.stages[s].instructions[i].commands
	name(c) in names
]

run_named_limit := 32

# instruction_index maps an instruction keyword ("copy", "env"...) to the
# [s, i] of its instructions, in source order: input.instructionIndex, or
# the same built from instructions for hand-written inputs.
instruction_index := input.instructionIndex

instruction_index := {kind: [[s, i] | some [s, i, ins] in instructions; ins.cmd == kind] |
	some kind in {ins.cmd | some [_, _, ins] in instructions}
} if not input.instructionIndex

# instructions_named yields [s, i, ins] for the instructions of the given
# kinds (lower-case keywords), each kind in source order.
instructions_named(kinds) := [[s, i, input.stages[s].instructions[i]] |
	some kind in kinds & instruction_kinds
	some [s, i] in instruction_index[kind]
]

instruction_kinds := {kind | some kind, _ in instruction_index}

# command_lists yields [s, i, commands] for every RUN that has commands.
command_lists := [[s, i, ins.commands] |
	some s, stage in input.stages
	some i, ins in stage.instructions
	count(ins.commands) > 0
]

# env_commands yields [s, i, k, command] for the commands run with a
# variable assignment before them (VAR=value cmd): the parser lists them in
# input.envCommands (hand-written inputs: found by visiting every command).
env_commands := commands_at(input.envCommands) if {
	input.envCommands
} else := [[s, i, k, c] |
	some [s, i, cmds] in command_lists
	some k, c in cmds
	count(c.env) > 0
]

# sudo_commands yields [s, i, k, command] for the commands run through sudo
# (the parser unwraps sudo: the command is the program sudo runs).
sudo_commands := commands_at(input.sudoCommands) if {
	input.sudoCommands
} else := [[s, i, k, c] |
	some [s, i, cmds] in command_lists
	some k, c in cmds
	c.sudo
]

commands_at(places) := [[s, i, k, input.stages[s].instructions[i].commands[k]] | some [s, i, k] in places]

instruction_path(s, i) := ["stages", s, "instructions", i]

# name is the program a command runs, without its directory (the parser
# writes it as "base"; hand-written test inputs may only have "name").
name(c) := c.base

name(c) := lib.basename(c.name) if not c.base

# ---------------------------------------------------------------------------
# Command-line options

# options are the arguments before a lone "--".
options(args) := array.slice(args, 0, end_of_options(args))

# end_of_options is the index of the first lone "--", or count(args).
end_of_options(args) := ends[0] if {
	"--" in args
	ends := [k | some k, a in args; a == "--"]
} else := count(args)

short_option(a) if {
	startswith(a, "-")
	not startswith(a, "--")
	count(a) > 1
}

# option_words are the [index, word] of the words before "--" that start
# with "-": the only ones the option helpers below need to look at.
# (Computed once per argument list: an apt-get install names hundreds of
# packages and a handful of options.)
option_words(args) := [[k, a] | some k, a in options(args); startswith(a, "-")]

# has_flag holds when args hold one of the short option letters (alone or
# combined, as in -fsSLk) or one of the long options (alone or --opt=value).
# longs are written with their dashes ("--insecure").
has_flag(args, shorts, longs) if {
	some [_, a] in option_words(args)
	a in longs
}

has_flag(args, shorts, longs) if {
	some [_, a] in option_words(args)
	n := indexof(a, "=")
	n > 0
	substring(a, 0, n) in longs
}

has_flag(args, shorts, longs) if {
	count(shorts) > 0
	some [_, a] in option_words(args)
	not startswith(a, "--")
	count(a) > 1
	some ch in shorts
	contains(substring(a, 1, -1), ch)
}

# flag_values are the values given to an option: --opt=v, --opt v, -o v, -ov.
flag_values(args, shorts, longs) := values_of(args, option_words(args), shorts, longs)

values_of(args, words, shorts, longs) := {v |
	some [k, a] in words
	some v in values_at(args, k, a, shorts, longs)
}

values_at(args, k, a, shorts, longs) := {args[k + 1]} if {
	a in longs
	k + 1 < count(args)
} else := {substring(a, n + 1, -1) |
	n := indexof(a, "=")
	n > 0
	substring(a, 0, n) in longs
} if {
	startswith(a, "--")
} else := short_values(args, k, a, shorts) if {
	short_option(a)
} else := set()

# In a cluster of short options (-fsSLo FILE, -ofile) the first option
# that takes a value takes the rest of the word, or the next word when it
# is the last letter.
short_values(args, k, a, shorts) := {v |
	idx := [n | some s in shorts; n := indexof(a, s); n > 0]
	count(idx) > 0
	n := min(idx)
	some v in short_value(args, k, a, n)
}

short_value(args, k, a, n) := {args[k + 1]} if {
	n == count(a) - 1
	k + 1 < count(args)
} else := {substring(a, n + 1, -1)} if {
	n < count(a) - 1
} else := set()

# positionals are the arguments that are not options nor the values of the
# options in valopts (which take a separate value).
positionals(args, valopts) := array.concat(
	[a |
		some k, a in args
		k < e
		not startswith(a, "-")
		not previous[k] in valopts
	],
	array.slice(args, e + 1, count(args)),
) if {
	e := end_of_options(args)
	previous := array.concat([""], args) # previous[k] is the word before args[k]
}

positional_at(args, k, valopts) if {
	a := args[k]
	not startswith(a, "-")
	not value_of_previous(args, k, valopts)
}

positional_at(args, k, valopts) if {
	# everything after "--"
	some e, d in args
	d == "--"
	k > e
}

value_of_previous(args, k, valopts) if {
	k > 0
	args[k - 1] in valopts
}

# subcommand is the first positional argument (apt-get install, apk add...).
subcommand(c, valopts) := cmd_positionals(c, valopts)[0]

# ---------------------------------------------------------------------------
# Command-line options of a RUN command: has_flag, flag_values and
# positionals of c.args, read from the facts the parser writes on every
# command that has an argument starting with "-" (optionNames, shortFlags,
# operands: docs/input.md) instead of scanning the arguments again in each
# rule. A call costs a few evaluation steps instead of some per argument.
# longs start with "-"; shorts are single letters. Inputs without
# commandIndex (hand-written) have no facts: the argument helpers answer.

# (Facts first: most commands have none, and then one step settles it.)
cmd_has_flag(c, shorts, longs) if {
	names := c.optionNames
	some l in longs
	l in names
}

cmd_has_flag(c, shorts, longs) if {
	letters := c.shortFlags
	letters != ""
	some l in shorts
	contains(letters, l)
}

cmd_has_flag(c, shorts, longs) if {
	not input.commandIndex
	has_flag(c.args, shorts, longs)
}

# Most commands have none of the options asked about: only those that do
# pay for reading the values.
cmd_flag_values(c, shorts, longs) := flag_values(c.args, shorts, longs) if {
	cmd_has_flag(c, shorts, longs)
} else := set()

cmd_positionals(c, valopts) := operands(c) if {
	dashed(valopts)
	not value_option_given(c, valopts)
} else := positionals(c.args, valopts)

# operands are the positionals of c if no option takes a separate value:
# the parser's, or c.args for a command with no argument starting with "-".
operands(c) := c.operands

operands(c) := c.args if {
	not c.operands
	input.commandIndex
}

# dashed holds when every option in valopts starts with "-" (the strings
# that do sort from "-" to before "."): then only option words can take a
# value. (curl_pipe_shell's "+o" does not: positionals reads every word.)
dashed(valopts) if count(valopts) == 0

dashed(valopts) if {
	min(valopts) >= "-"
	max(valopts) < "."
}

value_option_given(c, valopts) if {
	some n in c.optionNames
	n in valopts
}

# literal_word holds for a word with no shell expansion left in it.
literal_word(w) if {
	is_string(w)
	not contains(w, "$")
	not contains(w, "`")
}

# ---------------------------------------------------------------------------
# Instruction flags (--from=, --chmod=, --checksum=, --mount=, --security=)

# flag is the value of an instruction flag, "" for a flag without value.
flag(ins, fname) := v if {
	some f in ins.flags
	[n, v] := split_flag(f)
	n == fname
}

flag_index(ins, fname) := k if {
	some k, f in ins.flags
	[n, _] := split_flag(f)
	n == fname
}

split_flag(f) := [substring(f, 2, i - 2), substring(f, i + 1, -1)] if {
	i := indexof(f, "=")
	i > 2
} else := [substring(f, 2, -1), ""]

# mounts are the RUN --mount values parsed into maps: {"type": ..., "target": ...}.
# A mount with no type is a bind mount; dst and destination mean target.
mounts(ins) := [m |
	some f in ins.flags
	[n, v] := split_flag(f)
	n == "mount"
	m := mount_fields(v)
]

mount_fields(v) := object.union({"type": "bind"}, {norm_key(k): val |
	some part in split(v, ",")
	kv := split(part, "=")
	k := lower(trim_space(kv[0]))
	val := mount_value(kv)
})

mount_value(kv) := concat("=", array.slice(kv, 1, count(kv))) if {
	count(kv) > 1
} else := "true"

norm_key(k) := "target" if {
	k in {"dst", "destination"}
} else := k

# cache_mounted holds when the RUN mounts a cache or tmpfs over dir (or a
# directory that contains it), so nothing written there stays in the layer.
cache_mounted(ins, dir) if {
	some m in mounts(ins)
	m.type in {"cache", "tmpfs"}
	t := trim_suffix(m.target, "/")
	startswith(concat("", [dir, "/"]), concat("", [t, "/"]))
}

# ---------------------------------------------------------------------------
# Stages

final_index := s.index if {
	some s in input.stages
	s.final
}

# parents maps a stage to the earlier stage it is built FROM.
parents[s.index] := [s.from.stage] if {
	some s in input.stages
	s.from.stage != null
}

parents[s.index] := [] if {
	some s in input.stages
	s.from.stage == null
}

# chain is the set of stages whose layers and settings end up in the final
# image: the final stage and the stages it is built FROM, transitively.
# (COPY --from copies chosen files only, so a builder stage is not in it.)
chain := graph.reachable(parents, {final_index})

# in_chain holds for a stage index that is part of the final image.
in_chain(s) if s in chain

# Stage names, computed once per file in O(n log n): rules that compared
# every stage with every other took minutes on a file with thousands of
# stages.

# named_stages are the [name, index] of the named stages, sorted by name,
# then by index.
named_stages := sort([[t.name, t.index] | some t in input.stages; is_string(t.name)])

# stage_first_index and stage_last_index map a stage name to the first and
# last stage that has it. (Whole objects, built once: a partial object
# looked up by key would scan every stage on each lookup.)
stage_first_index := {e[0]: e[1] | some k, e in named_stages; not same_name_as_previous(k)}

stage_last_index := {e[0]: e[1] | some k, e in named_stages; not same_name_as_next(k)}

# duplicate_stage_names are the names used by more than one stage.
duplicate_stage_names := {named_stages[k][0] | some k, _ in named_stages; same_name_as_previous(k)}

same_name_as_previous(k) if {
	k > 0
	named_stages[k - 1][0] == named_stages[k][0]
}

same_name_as_next(k) if named_stages[k + 1][0] == named_stages[k][0]

# ---------------------------------------------------------------------------
# Package managers

# pip_args are the arguments given to pip, for pip, pip3, pip3.12 and
# python -m pip; undefined for other commands.
pip_args(c) := c.args if regex.match(`^pip[0-9.]*$`, name(c))

pip_args(c) := array.slice(c.args, k + 2, count(c.args)) if {
	regex.match(`^python[0-9.]*$`, name(c))
	some k, a in c.args
	a == "-m"
	c.args[k + 1] == "pip"
}

# pip options that take a separate value.
pip_valopts := {
	"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
	"--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
	"--trusted-host", "--platform", "--python-version", "--implementation", "--abi", "--src",
	"--upgrade-strategy", "--progress-bar", "--log", "--cache-dir", "--global-option",
	"--install-option", "--config-settings", "-C", "--only-binary", "--no-binary", "--cert",
	"--client-cert", "--proxy", "--retries", "--timeout", "--exists-action", "--python",
	"--report", "--root-user-action", "--use-feature", "--use-deprecated",
}

# ---------------------------------------------------------------------------
# COPY and ADD

# sources are the source operands of COPY/ADD (everything but the last
# argument), leaving out heredoc names (COPY <<EOF /dst), with the values
# of the ARG and ENV variables the file defines substituted (ins_words).
sources(ins) := [a | some [_, a] in source_words(ins)]

# source_words are the [index in args, source] of the sources, so a rule
# can show a source as written too (ins.args[index]).
source_words(ins) := [[k, a] |
	words := ins_words(ins)
	count(words) > 1
	some k, a in words
	k < count(words) - 1
	not heredoc_source(ins, ins.args[k])
]

dest(ins) := words[count(words) - 1] if {
	words := ins_words(ins)
	count(words) > 1
}

# ins_words are an instruction's args with the known ARG and ENV values
# substituted as Docker does (the parser's "expanded"), or its args.
ins_words(ins) := ins.expanded

ins_words(ins) := ins.args if not ins.expanded

# cmd_words are a RUN command's args with the known ARG and ENV values
# substituted as its shell does (the parser's "expanded"), or its args:
# `curl -fsSL $INSTALLER` with ENV INSTALLER=https://... reads as the URL.
cmd_words(c) := c.expanded

cmd_words(c) := c.args if not c.expanded

# written_as is " (written W)" when the word a rule reports was expanded
# from W, for messages; "" otherwise.
written_as(expanded, written) := sprintf(" (from %s)", [written]) if {
	expanded != written
} else := ""

heredoc_source(ins, a) if {
	startswith(a, "<<")
	count(ins.heredocs) > 0
}

remote_url(src) if regex.match(`^(?i)(https?|ftp)://`, src)

git_url(src) if regex.match(`^(?i)(git@[^:/]+:|ssh://|git://)`, src)

git_url(src) if {
	regex.match(`^(?i)https?://`, src)
	regex.match(`(?i)\.git(#.*)?$`, src)
}

apt_tools := {"apt-get", "apt"}

# apt options that take a separate value.
apt_valopts := {"-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release", "--default-release", "--host-architecture"}

# apt_sub is the apt-get/apt subcommand (install, update...); a simulated
# run (-s, --dry-run...) changes nothing and has none.
apt_sub(c) := df_sub if {
	name(c) in apt_tools
	not cmd_has_flag(c, {"s"}, {"--simulate", "--just-print", "--dry-run", "--recon", "--no-act"})
	df_sub := subcommand(c, apt_valopts)
}

# apt_packages are the operands after the subcommand.
apt_packages(c) := array.slice(pos, 1, count(pos)) if {
	name(c) in apt_tools
	pos := cmd_positionals(c, apt_valopts)
}

# apt_commands are the [s, i, k, command, subcommand] of every apt-get/apt
# command that has a subcommand, computed once per document.
apt_commands := [[s, i, k, c, sub] |
	some [s, i, k, c] in commands_named(apt_tools)
	sub := apt_sub(c)
]

# pip_commands are the [s, i, k, command, pip arguments] of every pip and
# python -m pip command, computed once per document.
pip_commands := [[s, i, k, c, args] |
	some [s, i, k, c] in commands_named(pip_names)
	args := pip_args(c)
]

pip_names := {n | some n in command_names; regex.match(`^(pip|python)[0-9.]*$`, n)}

# removals are the [command index, path, path + "/"] of the paths that rm
# and find remove in RUN (s, i), computed once per RUN that asks.
removals(s, i) := [[j, p, concat("", [p, "/"])] |
	some [j, c] in run_named(s, i, {"rm", "find"})
	some a in c.args
	not startswith(a, "-")
	p := trim_suffix(a, "/")
]

# last_removal is the index of the last rm/find in RUN (s, i) that removes
# a path starting with one of prefixes, or -1 (cached per RUN and prefixes).
last_removal(s, i, prefixes) := max(js) if {
	js := [j |
		some [j, _, a] in removals(s, i)
		some p in prefixes
		startswith(a, p)
	]
	count(js) > 0
} else := -1

# all_args are the arguments of every RUN command of the file.
all_args contains a if {
	some [_, _, cmds] in command_lists
	some c in cmds
	some a in c.args
}

# notable_args are the RUN arguments (as written and expanded) that hold "::" (apt settings), "://"
# (URLs), "[" (apt source options) or "no-cache-dir" (pip settings): the
# few that the built-in rules scanning every argument read, found in one
# pass over the file.
notable_args := {a | some a in regex.find_n(notable_in_text, input.runArgText, -1)} if {
	input.runArgText
} else := {a |
	some [_, _, cmds] in command_lists
	some c in cmds
	some a in array.concat(c.args, object.get(c, "expanded", []))
	regex.match(`(?i)::|://|\[|no-cache-dir`, a)
}

# notable_in_text matches, in the parser's runArgText (the arguments joined
# with NUL bytes), each whole argument that holds one of them: one regexp
# call per file instead of one per argument.
notable_in_text := `[^\x00]*(?i:::|://|\[|no-cache-dir)[^\x00]*`

# set_anywhere holds when some command of the file writes a configuration
# text matching pattern (apt.conf.d snippets, pip.conf...). Call it from a
# rule without arguments so it is computed once.
set_anywhere(pattern) if {
	some a in all_args
	regex.match(pattern, a)
}

# stage_env holds when an ENV or ARG of a stage in the final image's chain,
# or the command's own prefix, sets name.
env_set(s, c, n) if {
	some k, _ in c.env
	upper(k) == n
}

env_set(s, c, n) if {
	some t in graph.reachable(parents, {s})
	n in stage_env[t]
}

# stage_env are the (upper-cased) names an ENV or ARG of a stage sets.
stage_env[t] := {upper(p.key) |
	some ins in stage.instructions
	ins.cmd in {"env", "arg"}
	some p in ins.pairs
	p.value != null
} if {
	some t, stage in input.stages
}

# yes_pipes are the [pipeline, parent] of RUN (s, i) that start with `yes |`.
yes_pipes(s, i) := {[c.pipeline, c.parent] | some [_, c] in run_named(s, i, {"yes"})}

# piped_yes holds when `yes |` feeds command c of RUN (s, i).
piped_yes(s, i, c) if {
	c.position > 0
	"yes" in command_names
	[c.pipeline, c.parent] in yes_pipes(s, i)
}

# pipe_after are the commands that follow command k of RUN ins, as far as a pipeline
# can reach: pipeline elements come one after the other in source order, with
# the commands of their substitutions in between. The window keeps pipeline
# checks linear in the size of a RUN.
pipe_after(ins, k) := array.slice(ins.commands, k + 1, k + 1 + pipe_window)

pipe_window := 64

yum_tools := {"yum", "dnf", "microdnf", "tdnf", "dnf5", "dnf-3"}

# dnf_tools are dnf and the programs that take its command line (yum is
# the same on RHEL 8+, but is told apart where peers tell it apart).
dnf_tools := {"dnf", "microdnf", "tdnf", "dnf5", "dnf-3"}

# rpm_valopts are the yum/dnf/microdnf options that take a separate value.
rpm_valopts := {
	"-c", "--config", "--installroot", "--releasever", "--setopt", "-x", "--exclude",
	"--excludepkgs", "--includepkgs", "--enablerepo", "--disablerepo", "--repo", "--repoid",
	"-d", "--debuglevel", "-e", "--errorlevel", "--forcearch", "--rpmverbosity", "--color",
	"--downloaddir", "--destdir", "--comment", "--advisory", "--advisories", "--bz", "--bzs",
	"--cve", "--cves", "--sec-severity", "--secseverity", "--repofrompath", "--disableplugin",
	"--enableplugin", "--setvar", "--use-host-config", "--platform-id", "--from-repo",
}

# zypper_valopts are the zypper options (global and of install, update,
# patch) that take a separate value.
zypper_valopts := {
	"--root", "-R", "--reposd-dir", "-D", "--cache-dir", "-C", "--config", "-c",
	"--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir", "-r", "--repo", "--from",
	"-t", "--type", "-b", "--bugzilla", "--cve", "-g", "--category", "--severity", "--date",
	"--download", "--userdata",
}

# rpm_versioned holds for an rpm package argument that names a version:
# name-version, name-version-release(.arch), name-epoch:version, a version
# glob (name-1.2.*), or a comparison (name>=1.2, "name = 1.2").
rpm_versioned(p) if regex.match(`^.+-([0-9]+:)?[0-9][A-Za-z0-9._+~^*?]*(-[A-Za-z0-9._+~^*?]+)?$`, p)

rpm_versioned(p) if regex.match(`[<>=]`, p)

# rpm_not_a_name holds for an install argument that is not a package name
# to pin: an .rpm file, a path or URL, a group or module (@name), a
# provide (perl(Foo), /usr/bin/x), or a word whose value is not known.
rpm_not_a_name(p) if regex.match("(?i)(\\.rpm$|/|^@|\\(|[$`])", p)

# ---------------------------------------------------------------------------
# File modes (chmod, install -m, mkdir -m, COPY --chmod)

# modes are the modes a command sets (chmod, install -m, mkdir -m).
modes(c) := chmod_modes(c) | option_modes(c)

# mode_tools are the programs modes reads.
mode_tools := {"chmod", "install", "mkdir"}

chmod_modes(c) := {m |
	name(c) == "chmod"
	pos := cmd_positionals(c, {"--reference"})
	m := pos[0]
	count(pos) > 1
}

option_modes(c) := {m |
	name(c) in {"install", "mkdir"}
	some m in cmd_flag_values(c, {"m"}, {"--mode"})
}

octal(m) if regex.match(`^[0-7]{1,4}$`, m)

# octal_digits pads an octal mode to four digits: "755" -> [0, 7, 5, 5].
octal_digits(m) := [to_number(d) | some d in split(padded, "")] if {
	octal(m)
	padded := concat("", [substring("0000", 0, 4 - count(m)), m])
}

# clauses of a symbolic mode: "u+x,go-w" -> [{"who": "u", "op": "+", "perms": "x"}, ...]
clauses(m) := [{"who": p[1], "op": p[2], "perms": p[3]} |
	not octal(m)
	some part in split(m, ",")
	some p in regex.find_all_string_submatch_n(`^([ugoa]*)([-+=])([rwxXstugo]*)$`, part, 1)
]

# chain_instructions yields [s, i, ins] for the stages of the final image,
# in build order (parent stages first).
chain_instructions contains [s, i, ins] if {
	some s in chain
	some i, ins in input.stages[s].instructions
}

# last_in_chain is the [s, i] of the effective (last) instruction of a kind
# in the final image, e.g. the CMD that runs.
last_in_chain(kind) := l if {
	all := sort([[s, i] | some [s, i] in instruction_index[kind]; s in chain])
	count(all) > 0
	l := all[count(all) - 1]
}

# ports of an EXPOSE argument: "8000-8002/tcp" -> {"from": 8000, "to": 8002, "proto": "tcp"}
port_spec(a) := {"from": to_number(m[1]), "to": to, "proto": proto} if {
	some m in regex.find_all_string_submatch_n(`^([0-9]+)(-([0-9]+))?(/([A-Za-z]+))?$`, a, 1)
	to := port_to(m)
	proto := lower_or_tcp(m[5])
}

port_to(m) := to_number(m[3]) if {
	m[3] != ""
} else := to_number(m[1])

lower_or_tcp(p) := lower(p) if {
	p != ""
} else := "tcp"

# removed_later holds when a later command of RUN (s, i) removes path (or a
# directory holding it), so nothing at path survives into the layer.
removed_later(s, i, k, path) if {
	p := trim_suffix(path, "/")
	some [j, a, a_dir] in removals(s, i)
	j > k
	covers_dir(a, a_dir, p)
}

covers_dir(a, _, p) if a == p

covers_dir(_, a_dir, p) if startswith(p, a_dir)

covers(a, p) if a == p

covers(a, p) if startswith(p, concat("", [a, "/"]))

# fix_after(name, word) is the regular expression a fix (lib.fix_insert)
# inserts after: the program name followed, within one command, by word
# ("apt-get ... install"), so an option lands right after the subcommand.
fix_after(name, word) := concat("", [
	`(^|[\s;&|(])`, strings.replace_n({".": `\.`, "+": `\+`}, name),
	`(\s+[^&|;\s]+)*?\s+`, strings.replace_n({".": `\.`, "+": `\+`}, word), `\b`,
])
