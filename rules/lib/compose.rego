# METADATA
# description: Helpers shared by the Compose rules.
package shiplint.lib.compose

import data.shiplint.lib.secrets

# clean_path normalizes a host path: "//var/run/" -> "/var/run", "/" stays "/".
clean_path(p) := concat("/", ["", concat("/", [x | some x in split(p, "/"); x != ""; x != "."])])

# bind_source is the cleaned absolute host path of a bind mount.
bind_source(v) := clean_path(v.source) if {
	v.type == "bind"
	is_string(v.source)
	startswith(v.source, "/")
}

# security_opts lists a service's security_opt entries as
# [index, key, value]: key lower-cased, "key:value" and "key=value" alike,
# value "" for a bare key ("no-new-privileges").
security_opts(svc) := [[i, k, val] |
	some i, raw in object.get(svc, "security_opt", [])
	is_string(raw)
	s := trim_space(raw)
	[k, val] := split_opt(s)
]

split_opt(s) := [lower(trim_space(substring(s, 0, i))), trim_space(substring(s, i + 1, -1))] if {
	i := first_sep(s)
	i >= 0
} else := [lower(s), ""]

first_sep(s) := min(seps) if {
	seps := {i | some sep in [":", "="]; i := indexof(s, sep); i >= 0}
	count(seps) > 0
} else := -1

# all_interfaces holds for a published port not bound to one host address.
all_interfaces(p) if p.host_ip == null

all_interfaces(p) if p.host_ip in {"", "0.0.0.0", "::", "[::]"}

# port_range turns "5432" or "8000-8010" into [low, high]; absent for text
# that is not a port (an unresolved ${VAR}).
port_range(s) := [lo, hi] if {
	is_string(s)
	regex.match(`^[0-9]+$`, s)
	lo := to_number(s)
	hi := lo
}

port_range(s) := [lo, hi] if {
	is_string(s)
	regex.match(`^[0-9]+-[0-9]+$`, s)
	parts := split(s, "-")
	lo := to_number(parts[0])
	hi := to_number(parts[1])
}

port_range(s) := [s, s] if is_number(s)

# interpolation returns the interpolation record of the value at path, if any.
interpolation(path) := rec if {
	some rec in object.get(input, "interpolations", [])
	rec.path == path
}

# provenance describes where an interpolated value came from, for messages:
# " (from .env)" or " (a default written in the file)"; "" for a literal.
provenance(path) := " (the default in a ${VAR:-default} reference)" if {
	rec := interpolation(path)
	some v in rec.variables
	v.source == "default"
} else := " (taken from the .env file)" if {
	rec := interpolation(path)
	some v in rec.variables
	v.source == "env_file"
} else := ""

# Host directories whose mount (the directory itself) exposes the host.
sensitive_dirs := {
	"/", "/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/home", "/var", "/var/run", "/run",
	"/var/lib", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/var/lib/docker",
	"/var/lib/kubelet", "/var/lib/containerd", "/etc/kubernetes", "/etc/docker",
	"/etc/ssh", "/etc/sudoers.d", "/etc/systemd", "/etc/cron.d", "/sys/fs/cgroup",
}

# Directories where anything below is sensitive too.
sensitive_trees := [
	"/proc/", "/boot/", "/root/", "/var/lib/docker/", "/var/lib/kubelet/",
	"/var/lib/containerd/", "/etc/kubernetes/", "/etc/docker/", "/etc/ssh/",
	"/sys/kernel/", "/sys/firmware/",
]

# Single host files that hold credentials or control privilege.
sensitive_files := {
	"/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/crontab", "/dev/mem", "/dev/kmem",
	"/dev/port",
}

# Host files that are public to read but control who is who when written.
sensitive_write_files := {"/etc/passwd", "/etc/group"}

# sensitive_path holds for a cleaned host path the rules treat as a host system
# location. Runtime sockets are DC002; /etc/localtime and the like are fine.
sensitive_path(p) if p in sensitive_dirs

sensitive_path(p) if p in sensitive_files

sensitive_path(p) if {
	some t in sensitive_trees
	startswith(p, t)
}

# secret_literal holds for an environment or build-arg pair that writes a
# credential out (the shared definition in secrets.credential).
secret_literal(name, value) if secrets.credential(name, value)

# runnable holds for a service that can run as written: it names an image, a
# build or a service it extends. A service with none of them is a fragment
# merged into another file (compose.override.yaml), whose missing settings may
# well be set in the file it completes; rules about a missing setting skip it.
runnable(svc) if svc.image != null

runnable(svc) if svc.build != null

runnable(svc) if svc.extends != null
