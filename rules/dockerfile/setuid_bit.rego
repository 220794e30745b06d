# METADATA
# title: setuid bit set on a file
# description: >-
#   `chmod u+s`, `chmod 4755` or `COPY --chmod=4755` makes a program run with its owner's
#   privileges (usually root) whoever starts it, so any flaw in it becomes a way for an
#   unprivileged process in the container to become root. Medium: it turns a non-root container
#   back into a root one for whoever can exploit that binary. Setgid alone is not reported (on
#   directories it only makes new files inherit the group).
# related_resources:
# - https://man7.org/linux/man-pages/man2/execve.2.html
# - https://docs.docker.com/engine/security/#linux-kernel-capabilities
# custom:
#   id: DF033
#   severity: medium
#   remediation: >-
#     Do not add setuid binaries. Give the needed capability to the container at run time
#     (`--cap-add`, Kubernetes `capabilities.add`), or run the privileged step at build time;
#     consider `find / -perm /4000 -exec chmod u-s {} +` to strip existing ones.
package shiplint.dockerfile.setuid_bit

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

setuid(m) if {
	d := df.octal_digits(m)
	count(m) == 4
	d[0] in {4, 5, 6, 7}
}

setuid(m) if {
	some c in df.clauses(m)
	regex.match(`^$|[ua]`, c.who)
	c.op in {"+", "="}
	contains(c.perms, "s")
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(df.mode_tools)
	some m in df.modes(c)
	setuid(m)
	msg := sprintf("%s sets mode %s, which adds the setuid bit", [df.name(c), m])
}

deny contains lib.finding(msg, ["stages", s, "instructions", i, "flags", df.flag_index(ins, "chmod")]) if {
	some [s, i, ins] in df.instructions_named({"copy", "add"})
	m := df.flag(ins, "chmod")
	setuid(m)
	msg := sprintf("%s --chmod=%s adds the setuid bit", [upper(ins.cmd), m])
}
