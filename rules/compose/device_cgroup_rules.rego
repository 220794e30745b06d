# METADATA
# title: Service may create and use any device
# description: >-
#   A `device_cgroup_rules` entry with a wildcard (`a *:* rwm`, `b *:* rwm`, `c *:* rwm`)
#   lets the container open any device of that type, and with the default MKNOD capability
#   create the node itself: a process can then read and write the host's raw disks or
#   memory, bypassing every filesystem permission. High, because raw disk access is host access.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#device_cgroup_rules
# - https://docs.docker.com/reference/cli/docker/container/run/#device-cgroup-rule
# - https://www.kernel.org/doc/html/latest/admin-guide/cgroup-v1/devices.html
# custom:
#   id: DC032
#   severity: high
#   remediation: >-
#     Allow only the device numbers the service needs (`c 189:* rmw` for USB serial devices,
#     for example), and map the device itself with `devices:`.
package shiplint.compose.device_cgroup_rules

import data.shiplint.lib

deny contains lib.finding(msg, ["services", name, "device_cgroup_rules", i]) if {
	some name, svc in input.services
	some i, rule in svc.device_cgroup_rules
	is_string(rule)
	wildcard(split(trim_space(rule), " "))
	msg := sprintf("Service %q allows access to all %s devices (device_cgroup_rules: %q)", [name, kind(rule), rule])
}

wildcard(parts) if parts[0] == "a"

wildcard(parts) if startswith(parts[1], "*:")

kind(rule) := "block" if startswith(trim_space(rule), "b")

kind(rule) := "character" if startswith(trim_space(rule), "c")

kind(rule) := "block and character" if startswith(trim_space(rule), "a")
