# METADATA
# title: Service disables the OOM killer without a memory limit
# description: >-
#   `oom_kill_disable: true` stops the kernel from killing the container's processes when
#   memory runs out. With a memory limit the container only stalls at its limit; without
#   one it can take all the host's memory, and the kernel then kills other containers and
#   host processes (the Docker daemon, sshd) instead of the one that caused it. Docker's
#   documentation says to disable the OOM killer only on containers that also have a memory
#   limit. Medium, because one misbehaving or attacked service can take the whole host down.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#oom_kill_disable
# - https://docs.docker.com/engine/containers/resource_constraints/#memory
# custom:
#   id: DC036
#   severity: medium
#   remediation: >-
#     Remove `oom_kill_disable: true`, or set a memory limit beside it (`mem_limit: 1g` or
#     `deploy.resources.limits.memory: 1G`).
package shiplint.compose.oom_kill_disabled

import data.shiplint.lib

unlimited := {0, -1, "0", "-1", "", null}

limited(svc) if {
	v := svc.mem_limit
	not v in unlimited
}

limited(svc) if {
	v := svc.deploy.resources.limits.memory
	not v in unlimited
}

# Compose reads a boolean written as a string the way the CLI does.
disabled(v) if v == true

disabled(v) if {
	is_string(v)
	lower(trim_space(v)) in {"true", "yes", "y", "on"}
}

deny contains lib.finding_fix(msg, ["services", name, "oom_kill_disable"], lib.fix_set("Set oom_kill_disable: false", ["services", name, "oom_kill_disable"], false)) if {
	some name, svc in input.services
	disabled(svc.oom_kill_disable)
	not limited(svc)
	msg := sprintf("Service %q disables the OOM killer (oom_kill_disable: true) and has no memory limit: it can exhaust the host's memory", [name])
}
