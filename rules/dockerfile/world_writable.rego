# METADATA
# title: World-writable permissions
# description: >-
#   `chmod 777`, `chmod o+w`, `chmod -R a+rwx`, `mkdir -m 777` or `COPY --chmod=666` let any user
#   in the container (and any process running as another UID) modify those files: code, config or
#   scripts that the application or root later executes can be replaced. Medium. Modes with the
#   sticky bit (`1777`, as for /tmp) are not reported, and a symbolic `+w` without `o`/`a` follows
#   the umask and is not either; nor is a path that the same RUN removes again.
# related_resources:
# - https://cwe.mitre.org/data/definitions/732.html
# - https://docs.docker.com/reference/dockerfile/#copy---chmod
# custom:
#   id: DF032
#   severity: medium
#   remediation: >-
#     Give ownership to the user that needs to write (`COPY --chown=app:app`, `chown app`) and
#     use `755`/`644` (or `775` with a shared group); if a shared scratch directory is needed, use
#     `1777` (sticky) like /tmp.
package shiplint.dockerfile.world_writable

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

world_writable(m) if {
	d := df.octal_digits(m)
	d[3] in {2, 3, 6, 7}
	d[0] in {0, 2, 4, 6} # no sticky bit
}

world_writable(m) if {
	cl := df.clauses(m)
	some c in cl
	regex.match(`[oa]`, c.who)
	c.op in {"+", "="}
	contains(c.perms, "w")
	not sticky(cl)
}

sticky(cl) if {
	some c in cl
	contains(c.perms, "t")
	c.op in {"+", "="}
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(df.mode_tools)
	some m in df.modes(c)
	world_writable(m)
	not all_removed(s, i, k, c, m)
	msg := sprintf("%s sets mode %s, which makes files writable by every user", [df.name(c), m])
}

deny contains lib.finding(msg, ["stages", s, "instructions", i, "flags", df.flag_index(ins, "chmod")]) if {
	some [s, i, ins] in df.instructions_named({"copy", "add"})
	m := df.flag(ins, "chmod")
	world_writable(m)
	msg := sprintf("%s --chmod=%s makes the copied files writable by every user", [upper(ins.cmd), m])
}

# A temporary directory made world-writable and removed later in the same
# RUN (the build-a-local-repo pattern) leaves nothing behind.
all_removed(s, i, k, c, m) if {
	targets := [t | some t in df.cmd_positionals(c, {"--reference", "-m", "--mode"}); t != m]
	count(targets) > 0
	every t in targets {
		df.removed_later(s, i, k, t)
	}
}
