# METADATA
# title: Service disables AppArmor
# description: >-
#   `apparmor:unconfined` removes the docker-default AppArmor profile, which denies mounts,
#   writes to /proc and /sys and other escape paths on Ubuntu and Debian hosts. Medium,
#   because the other layers (capabilities, seccomp) still apply.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#security_opt
# - https://docs.docker.com/engine/containers/run/#security-configuration
# - https://docs.docker.com/engine/security/apparmor/
# custom:
#   id: DC015
#   severity: medium
#   remediation: >-
#     Remove `apparmor:unconfined`; if the default profile blocks something the service needs,
#     load a custom profile and name it (`apparmor:my-profile`).
#   frameworks: {cis-docker: "5.1"}
package shiplint.compose.apparmor_unconfined

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, ["services", name, "security_opt", i]) if {
	some name, svc in input.services
	some [i, key, value] in compose.security_opts(svc)
	key == "apparmor"
	lower(value) == "unconfined"
	msg := sprintf("Service %q runs without an AppArmor profile (apparmor:unconfined)", [name])
}
