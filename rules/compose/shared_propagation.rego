# METADATA
# title: Bind mount uses shared propagation
# description: >-
#   A bind mount with `shared` or `rshared` propagation sends mounts made inside the container
#   back to the host: a container that can mount (SYS_ADMIN, privileged) can then make
#   filesystems appear on the host or in other containers. Medium, because it turns a
#   mount inside the container into a change on the host.
# related_resources:
# - https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation
# - https://docs.docker.com/reference/compose-file/services/#volumes
# custom:
#   id: DC034
#   severity: medium
#   remediation: >-
#     Use the default `rprivate` propagation, or `rslave` when the container must see mounts
#     the host makes later (monitoring agents).
#   frameworks: {cis-docker: "5.19"}
package shiplint.compose.shared_propagation

import data.shiplint.lib

shared := {"shared", "rshared"}

deny contains lib.finding(msg, ["services", name, "volumes", i, "bind", "propagation"]) if {
	some name, svc in input.services
	some i, v in svc.volumes
	lower(v.bind.propagation) in shared
	msg := sprintf("Service %q mounts %v with %s propagation", [name, v.source, v.bind.propagation])
}

deny contains lib.finding(msg, ["services", name, "volumes", i]) if {
	some name, svc in input.services
	some i, v in svc.volumes
	is_string(v.raw)
	some opt in options(v.raw)
	opt in shared
	msg := sprintf("Service %q mounts %v with %s propagation", [name, v.source, opt])
}

# options of "src:dst:opt1,opt2" (a Windows drive letter is not an option).
options(raw) := {lower(trim_space(o)) |
	parts := split(regex.replace(raw, `^[A-Za-z]:[\\/]`, "_/"), ":")
	count(parts) > 2
	some p in array.slice(parts, 2, count(parts))
	some o in split(p, ",")
}
