# METADATA
# title: pip install without --no-cache-dir
# description: >-
#   pip keeps every downloaded wheel and sdist in ~/.cache/pip; in an image build that cache ends
#   up in the layer, often larger than the installed packages. Low: size and noise, not a direct
#   vulnerability. `PIP_NO_CACHE_DIR` set with ENV/ARG, a cache mount on the pip cache, or removing
#   the cache later in the same RUN count; builder stages not in the final image are not checked.
# related_resources:
# - https://pip.pypa.io/en/stable/topics/caching/
# - https://docs.docker.com/build/cache/optimize/#use-cache-mounts
# custom:
#   id: DF027
#   severity: low
#   remediation: >-
#     Use `pip install --no-cache-dir ...`, set `ENV PIP_NO_CACHE_DIR=1`, or use
#     `RUN --mount=type=cache,target=/root/.cache/pip pip install ...`.
#   aliases: [DL3042]
package shiplint.dockerfile.pip_no_cache_dir

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

no_cache(s, df_i, ins, c, k, args) if df.has_flag(args, set(), {"--no-cache-dir", "--no-cache"})

no_cache(s, df_i, ins, c, k, args) if df.env_set(s, c, "PIP_NO_CACHE_DIR")

no_cache(s, df_i, ins, c, k, args) if {
	some m in df.mounts(ins)
	m.type in {"cache", "tmpfs"}
	contains(m.target, ".cache")
}

no_cache(s, df_i, ins, c, k, args) if df.last_removal(s, df_i, {"/root/.cache/", "~/.cache/", "$HOME/.cache/", "${HOME}/.cache/"}) > k

no_cache(s, df_i, ins, c, k, args) if df.flag_values(args, set(), {"--cache-dir"}) != set()

no_cache(_, _, _, _, _, _) if configured

# no-cache-dir set in pip.conf or with pip config anywhere in the file.
configured if {
	some a in df.notable_args
	regex.match(`(?i)(^global\.no-cache-dir$|no-cache-dir\s*=)`, a)
}

deny contains lib.finding_fix(msg, df.command_path(s, i, k), fix) if {
	some [s, i, k, c, args] in df.pip_commands
	df.in_chain(s)
	df.positionals(args, df.pip_valopts)[0] == "install"
	ins := input.stages[s].instructions[i]
	not no_cache(s, i, ins, c, k, args)
	msg := sprintf("%s install keeps its download cache in the layer: add --no-cache-dir", [df.name(c)])
	fix := lib.fix_insert("Add --no-cache-dir", df.fix_after(`pip[0-9.]*`, "install"), " --no-cache-dir")
}
