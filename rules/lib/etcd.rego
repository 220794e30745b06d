# METADATA
# description: >-
#   Helpers shared by the etcd rules (CIS Kubernetes Benchmark section 2): etcd's settings from
#   the control-plane library (static pod flags, kubeadm defaults and extraArgs), completed by
#   the ETCD_* environment variables etcd reads for any flag not given on the command line. When
#   etcd runs with --config-file (or ETCD_CONFIG_FILE) it ignores its other flags and
#   variables, and a scan cannot see the file: nothing is known then.
package shiplint.lib.etcd

import data.shiplint.lib.controlplane as cp

# comp is etcd's component (see shiplint.lib.controlplane), when its settings can be known.
comp := c if {
	c := cp.components["etcd"]
	not c.flags["config-file"]
	not env("config-file")
}

# env(name) is the container's environment variable for flag name (ETCD_CLIENT_CERT_AUTH for
# client-cert-auth): {"value": string, or null when it comes from valueFrom, "path"}.
env(name) := {"value": value(e), "path": ["containers", i, "env", k]} if {
	c := cp.components["etcd"]
	c.source == "pod"
	i := c.path[1]
	some k, e in input.containers[i].env
	e.name == env_name(name)
}

env_name(name) := concat("", ["ETCD_", upper(replace(name, "-", "_"))])

value(e) := sprintf("%v", [e.value]) if {
	e.value != null
	not e.valueFrom
} else := null

# setting(name): {"value" (null when not known), "path", "written"} from the flag, else the
# environment variable; undefined when etcd's default applies.
setting(name) := {"value": f.value, "path": f.path, "written": sprintf("--%s=%s", [name, f.value])} if {
	f := comp.flags[name]
} else := {"value": e.value, "path": e.path, "written": sprintf("%s=%v", [env_name(name), e.value])} if {
	comp
	e := env(name)
}

# who names etcd for messages.
who := cp.who("etcd")

# is_false / is_true for an etcd boolean setting (unknown values are neither).
is_true(s) if {
	is_string(s.value)
	cp.is_true(s.value)
}

is_false(s) if {
	is_string(s.value)
	cp.is_false(s.value)
}

# empty(s) holds for a setting written with no value.
empty(s) if {
	is_string(s.value)
	cp.unquote(s.value) == ""
}

# has_peers holds for etcd that talks to other members: --initial-cluster names more than one
# member, or --listen-peer-urls listens on an address other than loopback. A kubeadm local etcd
# counts (kubeadm listens for peers on the node's address).
has_peers if {
	s := setting("initial-cluster")
	is_string(s.value)
	count([m | some m in split(s.value, ","); trim_space(m) != ""]) > 1
}

has_peers if {
	s := setting("listen-peer-urls")
	is_string(s.value)
	some u in split(s.value, ",")
	not loopback_url(trim_space(u))
}

has_peers if comp.source == "kubeadm"

loopback_url(u) if regex.match(`^(https?|unix|unixs)://(localhost|127\.[0-9.]+|\[::1\])(:[0-9]+)?/?$`, u)

loopback_url(u) if regex.match(`^unixs?://`, u)

loopback_url("")
