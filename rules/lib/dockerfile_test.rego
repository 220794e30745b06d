package shiplint.lib.dockerfile_test

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

# Builders for the Dockerfile rule tests: a command, a RUN, a stage, a document.

cmd(name, args) := {
	"name": name, "base": lib.basename(name), "args": args, "env": {}, "sudo": false, "pipeline": 0, "position": 0,
	"pipelineLength": 1, "parent": null, "context": "", "line": 1, "column": 1,
}

# pcmd is a command at a place in a pipeline.
pcmd(name, args, pipeline, position) := object.union(cmd(name, args), {"pipeline": pipeline, "position": position})

ins(c, args) := {"cmd": c, "args": args, "flags": [], "form": null, "heredocs": [], "line": 1, "endLine": 1}

run(commands) := object.union(ins("run", []), {"commands": commands, "form": "shell"})

run_flags(flags, commands) := object.union(run(commands), {"flags": flags})

pairs(c, kvs) := object.union(ins(c, []), {"pairs": [{"key": k, "value": v} | some [k, v] in kvs]})

stage(i, name, from, final, instructions) := {
	"index": i, "name": name, "final": final,
	"from": object.union(
		{"raw": "debian:12", "ref": "debian:12", "stage": null, "image": "debian", "tag": "12", "digest": null, "scratch": false, "resolved": true, "platform": null, "line": 1},
		from,
	),
	"instructions": instructions,
}

# doc is a one-stage Dockerfile.
doc(instructions) := {"kind": "dockerfile", "args": [], "stages": [stage(0, null, {}, true, instructions)]}

test_has_flag_combined_short if {
	df.has_flag(["-fsSLk", "https://x"], {"k"}, {"--insecure"})
	df.has_flag(["--insecure"], {"k"}, {"--insecure"})
	not df.has_flag(["--", "-k"], {"k"}, {"--insecure"})
	not df.has_flag(["--kill"], {"k"}, {"--insecure"})
}

test_flag_values if {
	df.flag_values(["-o", "/tmp/x", "--output=/y"], {"o"}, {"--output"}) == {"/tmp/x", "/y"}
	df.flag_values(["-o/tmp/z"], {"o"}, {"--output"}) == {"/tmp/z"}
	df.flag_values(["-fsSLo", "/tmp/i.sh", "https://x"], {"o"}, {"--output"}) == {"/tmp/i.sh"}
	df.flag_values(["-fsSL", "https://x"], {"o"}, {"--output"}) == set()
}

test_positionals if {
	df.positionals(["-o", "Dpkg::Options::=--force-confold", "-y", "install", "curl"], {"-o"}) == ["install", "curl"]
	df.subcommand(cmd("apt-get", ["-qq", "install", "x"]), set()) == "install"
}

test_mounts if {
	r := run_flags(["--mount=type=cache,dst=/var/lib/apt", "--mount=target=/src"], [])
	df.mounts(r) == [{"type": "cache", "target": "/var/lib/apt"}, {"type": "bind", "target": "/src"}]
	df.cache_mounted(r, "/var/lib/apt/lists")
	not df.cache_mounted(r, "/var/cache/apt")
}

test_flag if {
	i := object.union(ins("copy", ["a", "b"]), {"flags": ["--from=build", "--link"]})
	df.flag(i, "from") == "build"
	df.flag(i, "link") == ""
	df.flag_index(i, "link") == 1
}

test_chain if {
	c := df.chain with input as {"stages": [
		stage(0, "base", {}, false, []),
		stage(1, "build", {}, false, []),
		stage(2, null, {"stage": 0}, true, []),
	]}
	c == {0, 2}
}

# with_facts is cmd(name, args) as the parser writes it: with the option
# facts when an argument starts with "-" (in a document with commandIndex).
with_facts(name, args) := object.union(cmd(name, args), {
	"optionNames": [n | some n in names],
	"shortFlags": concat("", [substring(a, 1, -1) | some [_, a] in words; not startswith(a, "--")]),
	"operands": df.positionals(args, set()),
}) if {
	some a in args
	startswith(a, "-")
	words := df.option_words(args)
	names := {a | some [_, a] in words} | {substring(a, 0, n) | some [_, a] in words; n := indexof(a, "="); n > 0}
} else := cmd(name, args)

option_cases := [
	[],
	["install", "curl"],
	["-fsSLk", "https://x"],
	["--insecure"],
	["--", "-k"],
	["a", "--", "b"],
	["--kill"],
	["-o", "/tmp/x", "--output=/y"],
	["-o/tmp/z"],
	["-fsSLo", "/tmp/i.sh", "https://x"],
	["-o", "Dpkg::Options::=--force-confold", "-y", "install", "curl"],
	["install", "-", "--opt=a=b", "--", "-o", "x"],
	["+o", "pipefail", "-c", "script", "arg"],
	["+o", "pipefail", "script"],
	["-o"],
]

# The command helpers give what the argument helpers give, from the
# parser's facts and without them.
test_command_option_helpers_match_argument_helpers if {
	every args in option_cases {
		same_options(cmd("x", args))
		same_options(with_facts("x", args)) with input as {"commandIndex": {}}
	}
}

same_options(c) if {
	every q in flag_queries {
		cmd_flagged(c, q[0], q[1]) == flagged(c.args, q[0], q[1])
		df.cmd_flag_values(c, q[0], q[1]) == df.flag_values(c.args, q[0], q[1])
	}
	every v in [set(), {"-o"}, {"--opt"}, {"-c", "+o"}, {"+o"}, {"-o", "-c", "--output"}] {
		df.cmd_positionals(c, v) == df.positionals(c.args, v)
	}
}

flag_queries := [[{"k"}, {"--insecure"}], [{"o"}, {"--output"}], [set(), {"--opt"}], [{"y", "n"}, set()], [{"c"}, {"-c"}]]

cmd_flagged(c, shorts, longs) := true if df.cmd_has_flag(c, shorts, longs) else := false

flagged(args, shorts, longs) := true if df.has_flag(args, shorts, longs) else := false

test_command_option_helpers_use_the_facts if {
	c := with_facts("curl", ["-fsSLk", "https://x"])
	df.cmd_has_flag(c, {"k"}, set()) with input as {"commandIndex": {}}
	not df.cmd_has_flag(object.union(c, {"shortFlags": ""}), {"k"}, set()) with input as {"commandIndex": {}}
	df.cmd_positionals(c, {"-o"}) == ["https://x"] with input as {"commandIndex": {}}
	df.cmd_positionals(object.union(c, {"operands": ["y"]}), {"-o"}) == ["y"] with input as {"commandIndex": {}}
}

# notable_args reads the parser's runArgText (arguments joined with NUL
# bytes) when there is one, and gives what the per-argument scan gives.
test_notable_args_from_text if {
	runs := [run([
		cmd("echo", ["APT::Get::Assume-Yes \"true\";", "plain", ""]),
		cmd("curl", ["-fsSL", "HTTPS://u:p@x/y", "multi\nline [trusted=yes]"]),
		cmd("pip", ["install", "--NO-CACHE-DIR", "a:b", "::"]),
	])]
	want := {"APT::Get::Assume-Yes \"true\";", "HTTPS://u:p@x/y", "multi\nline [trusted=yes]", "--NO-CACHE-DIR", "::"}
	df.notable_args == want with input as doc(runs)
	text := concat("\u0000", [a | some c in runs[0].commands; some a in c.args])
	df.notable_args == want with input as object.union(doc(runs), {"runArgText": text})
}

test_env_and_sudo_commands_from_lists if {
	e := object.union(cmd("make", []), {"env": {"CC": "gcc"}})
	s := object.union(cmd("apt-get", ["update"]), {"sudo": true})
	d := doc([run([cmd("echo", []), e, s])])
	df.env_commands == [[0, 0, 1, e]] with input as d
	df.sudo_commands == [[0, 0, 2, s]] with input as d
	df.env_commands == [[0, 0, 1, e]] with input as object.union(d, {"envCommands": [[0, 0, 1]], "sudoCommands": []})
	df.sudo_commands == [] with input as object.union(d, {"envCommands": [[0, 0, 1]], "sudoCommands": []})
}

stages_in := {"stages": [
	{"index": 0, "name": "build"},
	{"index": 1, "name": null},
	{"index": 2, "name": "test"},
	{"index": 3, "name": "build"},
	{"index": 4, "name": "build"},
]}

test_stage_name_indexes if {
	df.stage_first_index == {"build": 0, "test": 2} with input as stages_in
	df.stage_last_index == {"build": 4, "test": 2} with input as stages_in
	df.duplicate_stage_names == {"build"} with input as stages_in
}

test_stage_name_indexes_without_names if {
	df.stage_first_index == {} with input as {"stages": [{"index": 0, "name": null}]}
	df.duplicate_stage_names == set() with input as {"stages": [{"index": 0, "name": null}]}
}
