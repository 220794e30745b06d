# METADATA
# title: Service unmasks kernel paths under /proc and /sys
# description: >-
#   `systempaths=unconfined` removes the masks and read-only mounts Docker puts on
#   /proc/kcore, /proc/sysrq-trigger, /proc/sys, /sys/firmware and the like: with them
#   writable, root in the container can reboot the host, read kernel memory or change kernel
#   settings. High, because those paths are host controls.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#security_opt
# - https://docs.docker.com/engine/containers/run/#security-configuration
# custom:
#   id: DC031
#   severity: high
#   remediation: >-
#     Remove `systempaths=unconfined`. Set the one kernel setting the service needs with a
#     namespaced `sysctls:` entry instead.
package shiplint.compose.systempaths_unconfined

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, ["services", name, "security_opt", i]) if {
	some name, svc in input.services
	some [i, key, value] in compose.security_opts(svc)
	key == "systempaths"
	lower(value) == "unconfined"
	msg := sprintf("Service %q unmasks /proc and /sys kernel paths (systempaths=unconfined)", [name])
}
