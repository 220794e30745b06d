# METADATA
# title: Service runs privileged
# description: >-
#   `privileged: true` gives the container every capability, all host devices and no seccomp
#   or AppArmor confinement: root in the container is root on the host, one mount or module
#   load away. Critical, because it removes isolation entirely.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#privileged
# - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
# custom:
#   id: DC001
#   severity: critical
#   remediation: >-
#     Remove `privileged: true`. Grant only the capability the service needs with `cap_add`
#     (and `cap_drop: [ALL]`), or map the one device it uses with `devices`.
#   frameworks: {cis-docker: "5.4"}
#   aliases: [ae5b6871-7f45-42e0-bb4c-ab300c4d2026]
package shiplint.compose.privileged

import data.shiplint.lib

deny contains lib.finding_fix(msg, path, lib.fix_set("Set privileged: false", path, false)) if {
	some name, svc in input.services
	path := ["services", name, "privileged"]
	svc.privileged == true
	msg := sprintf("Service %q runs privileged: it has full access to the host", [name])
}
