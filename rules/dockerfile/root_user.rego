# METADATA
# title: Final stage runs as root
# description: >-
#   The image's last stage sets no non-root USER, or switches back to root at the end, so the
#   container's main process runs as UID 0. A bug or a compromised dependency in the
#   application then acts as root inside the container, and any container escape starts as
#   root on the host. Severity is high because this is the default that most escapes rely on.
#   Builder stages are not checked: only the final stage becomes the running image.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#user
# - https://docs.docker.com/build/building/best-practices/#user
# custom:
#   id: DF001
#   severity: high
#   remediation: >-
#     Create an unprivileged user and switch to it as the last USER of the final stage, e.g.
#     `RUN useradd --uid 10001 --no-create-home app` then `USER 10001`. Steps that need root
#     can run before it.
#   frameworks: {cis-docker: "4.1"}
#   aliases: [DL3002, DS002, AVD-DS-0002, CKV_DOCKER_3, CKV_DOCKER_8]
package shiplint.dockerfile.root_user

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

# user_instructions are the USER instructions of the final image's chain
# (the final stage and the stages it is built FROM, parents first), in
# build order: the nearest stage's last USER wins.
user_instructions := [[s, j] |
	some [s, j] in df.instruction_index.user
	s in df.chain
]

effective := user_instructions[count(user_instructions) - 1]

root_user(name) if {
	user := lower(split(name, ":")[0])
	user in {"root", "0"}
}

# Images built on a "nonroot" tag (distroless, chainguard) already run as
# an unprivileged user.
nonroot_base if {
	tag := input.stages[min(df.chain)].from.tag
	is_string(tag)
	contains(lower(tag), "nonroot")
}

deny contains lib.finding(msg, ["stages", df.final_index, "from"]) if {
	count(user_instructions) == 0
	not nonroot_base
	msg := "The final stage sets no USER, so the container runs as root; add a non-root USER"
}

deny contains lib.finding(msg, ["stages", s, "instructions", j]) if {
	[s, j] := effective
	name := input.stages[s].instructions[j].args[0]
	root_user(name)
	msg := sprintf("The last USER of the final stage is %q, so the container runs as root; switch to a non-root user at the end", [name])
}
