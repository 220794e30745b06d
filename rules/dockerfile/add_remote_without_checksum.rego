# METADATA
# title: ADD downloads a remote file without --checksum
# description: >-
#   `ADD https://...` fetches whatever the server returns at build time and puts it in the image
#   unchecked; a compromised or hijacked host, or a moved release asset, silently changes the
#   image. `ADD --checksum=sha256:...` (or a git URL pinned to a commit) makes the build fail
#   instead. Medium: the content is usually a binary or archive that ends up executed.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#add---checksum
# - https://docs.docker.com/build/building/best-practices/#add-or-copy
# custom:
#   id: DF014
#   severity: medium
#   remediation: >-
#     Add the expected digest: `ADD --checksum=sha256:<digest> https://.../file /dst`. For a git
#     repository, pin the ref to a full commit hash (`ADD https://github.com/org/repo.git#<sha> /src`)
#     or pass `--checksum=<commit>`.
package shiplint.dockerfile.add_remote_without_checksum

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

pinned_git(src) if regex.match(`#([0-9a-f]{40}|[0-9a-f]{64})(:.*)?$`, lower(src))

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"add"})
	not df.flag(ins, "checksum")
	some [k, src] in df.source_words(ins)
	df.remote_url(src)
	not df.git_url(src)
	msg := sprintf("ADD downloads %s%s without --checksum, so its content is not verified", [src, df.written_as(src, ins.args[k])])
}

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"add"})
	not df.flag(ins, "checksum")
	some [k, src] in df.source_words(ins)
	df.git_url(src)
	not pinned_git(src)
	msg := sprintf("ADD clones %s%s at a movable ref: pin a commit hash or pass --checksum", [src, df.written_as(src, ins.args[k])])
}
