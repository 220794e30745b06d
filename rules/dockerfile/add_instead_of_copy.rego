# METADATA
# title: ADD used where COPY does
# description: >-
#   ADD of a local file does what COPY does plus two implicit behaviours: it unpacks anything that
#   looks like a tar archive and it accepts URLs. A file that happens to be an archive is then
#   extracted into the image (and archive extraction has its own path-traversal history). Low:
#   surprising rather than dangerous in most cases; COPY says exactly what happens.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#add-or-copy
# - https://docs.docker.com/reference/dockerfile/#add
# custom:
#   id: DF015
#   severity: low
#   remediation: >-
#     Use `COPY` for local files and directories; keep `ADD` for local tar archives you want
#     extracted and for remote sources with `--checksum`.
#   aliases: [DL3020, DS005, AVD-DS-0005, CKV_DOCKER_4]
package shiplint.dockerfile.add_instead_of_copy

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

archive(src) if regex.match(`(?i)\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|z)|tgz|tbz2?|txz|tzst|tlz)$`, src)

# A source whose name we cannot know (a variable) may be an archive.
unknown(src) if contains(src, "$")

local_add(ins) if {
	srcs := df.sources(ins)
	count(srcs) > 0
	every src in srcs {
		not df.remote_url(src)
		not df.git_url(src)
		not archive(src)
		not unknown(src)
	}
}

deny contains lib.finding_fix(msg, df.instruction_path(s, i), lib.fix_replace("Use COPY", `(?i)^(\s*)ADD(\s)`, "${1}COPY$2")) if {
	some [s, i, ins] in df.instructions_named({"add"})
	local_add(ins)
	msg := sprintf("ADD copies local %s: use COPY, which does not unpack archives or fetch URLs", [concat(" ", df.sources(ins))])
}
