# METADATA
# title: Service can gain new privileges
# description: >-
#   Without `no-new-privileges`, a process in the container can gain privileges through
#   setuid/setgid binaries or file capabilities (su, sudo, ping, a planted setuid shell), which
#   turns a compromise of a non-root service into root in the container. Low, because it only
#   matters once an attacker runs code in the container.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#security_opt
# - https://docs.docker.com/engine/containers/run/#security-configuration
# - https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html
# custom:
#   id: DC017
#   severity: low
#   remediation: >-
#     Add `security_opt: ["no-new-privileges:true"]` (or set `"no-new-privileges": true` in the
#     daemon's daemon.json for every container).
#   frameworks: {cis-docker: "5.25"}
#   aliases: [27fcc7d6-c49b-46e0-98f1-6c082a6a2750]
package shiplint.compose.no_new_privileges

import data.shiplint.lib
import data.shiplint.lib.compose

enabled(svc) if {
	some [_, key, value] in compose.security_opts(svc)
	key == "no-new-privileges"
	lower(value) in {"", "true"}
}

disabled contains [name, i] if {
	some name, svc in input.services
	some [i, key, value] in compose.security_opts(svc)
	key == "no-new-privileges"
	lower(value) == "false"
}

deny contains lib.finding_fix(msg, path, lib.fix_add("Add no-new-privileges:true to security_opt", path, "no-new-privileges:true")) if {
	some name, svc in input.services
	path := ["services", name, "security_opt"]
	compose.runnable(svc)
	not enabled(svc)
	not svc.privileged == true
	count([i | some [name2, i] in disabled; name2 == name]) == 0
	msg := sprintf("Service %q does not set no-new-privileges: setuid binaries can raise privileges", [name])
}

deny contains lib.finding(msg, ["services", name, "security_opt", i]) if {
	some [name, i] in disabled
	not enabled(input.services[name])
	msg := sprintf("Service %q turns no-new-privileges off: setuid binaries can raise privileges", [name])
}
