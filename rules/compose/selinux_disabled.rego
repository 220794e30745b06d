# METADATA
# title: Service disables SELinux labeling
# description: >-
#   `label:disable` turns off SELinux separation for the container: on SELinux hosts (RHEL,
#   Fedora) its processes run unconfined, and bind mounts are no longer kept from other
#   containers. Medium, because the other layers still apply.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#security_opt
# - https://docs.docker.com/engine/containers/run/#security-configuration
# custom:
#   id: DC016
#   severity: medium
#   remediation: >-
#     Remove `label:disable`. For a bind mount the container must write, relabel it with the
#     `:z` (shared) or `:Z` (private) volume option instead.
#   frameworks: {cis-docker: "5.2"}
package shiplint.compose.selinux_disabled

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, ["services", name, "security_opt", i]) if {
	some name, svc in input.services
	some [i, key, value] in compose.security_opts(svc)
	key == "label"
	lower(value) == "disable"
	msg := sprintf("Service %q turns off SELinux labeling (label:disable)", [name])
}
