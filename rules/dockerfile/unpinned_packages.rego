# METADATA
# title: Packages installed without a pinned version
# description: >-
#   `apt-get install curl`, `apk add curl`, `pip install flask`, `npm install -g pm2` or
#   `gem install rails` take whatever version the repository serves on the day of the build, so
#   two builds of the same Dockerfile differ and a bad or compromised release is picked up
#   silently. Low: it is a reproducibility and supply-chain hygiene issue; many teams pin the base
#   image and accept distribution packages floating. Requirements and lock files (`-r`,
#   `npm ci`), constraints files, local paths, URLs and build arguments are not reported.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#apt-get
# - https://pip.pypa.io/en/stable/topics/repeatable-installs/
# custom:
#   id: DF030
#   severity: low
#   remediation: >-
#     Pin versions (`apt-get install curl=7.88.1-10+deb12u8`, `apk add curl=8.9.1-r0`,
#     `pip install flask==3.0.3`, `npm install -g pm2@5.4.2`, `gem install rails -v 7.2.1`), or
#     install from a lock file (`pip install -r requirements.txt --require-hashes`, `npm ci`).
#   aliases: [DL3008, DL3018, DL3013, DL3016, DL3028]
package shiplint.dockerfile.unpinned_packages

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

pathlike(p) if regex.match(pathlike_pattern, p)

pathlike_pattern := `(/|^\.|\.(deb|apk|rpm|whl|zip|tgz|tar\.gz|tar\.bz2|gem)$|://|^git\+|^file:)`

# apt and apk commands name thousands of packages over the corpus: one
# regexp per package tells a literal name without a version (no $ or `
# expansion, no version operator) that is not a path or URL.
apt_skipped := concat("|", ["[$`=]", pathlike_pattern])

apk_skipped := concat("|", ["[$`=<>~]", pathlike_pattern])

npm_pathlike(p) if regex.match(`^(\.|/|~|file:|git\+|git:|https?:|github:)|\.(tgz|tar\.gz)$`, p)

# user/repo is a GitHub shorthand; @scope/name is a package
npm_pathlike(p) if {
	not startswith(p, "@")
	contains(p, "/")
}

# apt-get install
unpinned(c, "apt") := {p |
	some p in df.apt_packages(c)
	is_string(p)
	not regex.match(apt_skipped, p)
}

# apk add
unpinned(c, "apk") := {p |
	df.name(c) == "apk"
	pos := df.cmd_positionals(c, {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"})
	pos[0] == "add"
	some p in array.slice(pos, 1, count(pos))
	is_string(p)
	not regex.match(apk_skipped, p)
}

# pip install
unpinned(c, "pip") := {p |
	args := df.pip_args(c)
	pos := df.positionals(args, df.pip_valopts)
	pos[0] == "install"
	not df.has_flag(args, {"c"}, {"--constraint", "--require-hashes"})
	some p in array.slice(pos, 1, count(pos))
	df.literal_word(p)
	not regex.match(`(==|===|~=|>=|<=|<|>|!=|@)`, p)
	not pathlike(p)
}

# npm install <pkg>
unpinned(c, "npm") := {p |
	df.name(c) in {"npm", "pnpm", "yarn"}
	pos := df.cmd_positionals(c, {"--prefix", "-w", "--workspace", "--registry", "--tag", "--cache", "--loglevel", "-C", "--dir"})
	pos[0] in {"install", "i", "add", "global"}
	some p in array.slice(pos, 1, count(pos))
	p != "add"
	df.literal_word(p)
	not regex.match(`^@?[^@]+@.+`, p)
	not npm_pathlike(p)
}

# gem install <gem>
unpinned(c, "gem") := {p |
	df.name(c) == "gem"
	not df.cmd_has_flag(c, {"v"}, {"--version"})
	pos := df.cmd_positionals(c, {"-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P", "--trust-policy", "--platform"})
	pos[0] == "install"
	some p in array.slice(pos, 1, count(pos))
	df.literal_word(p)
	not contains(p, ":")
	not pathlike(p)
}

# candidates are the [ecosystem, s, i, k, command] of the installing
# commands, found through the command index.
candidates := {["apt", s, i, k, c] | some [s, i, k, c, "install"] in df.apt_commands} |
	{["apk", s, i, k, c] | some [s, i, k, c] in df.commands_named({"apk"})} |
	{["pip", s, i, k, c] | some [s, i, k, c, _] in df.pip_commands} |
	{["npm", s, i, k, c] | some [s, i, k, c] in df.commands_named({"npm", "pnpm", "yarn"})} |
	{["gem", s, i, k, c] | some [s, i, k, c] in df.commands_named({"gem"})}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [eco, s, i, k, c] in candidates
	names := unpinned(c, eco)
	count(names) > 0
	msg := sprintf("%s installs %s without a pinned version", [df.name(c), concat(", ", sort(names))])
}
